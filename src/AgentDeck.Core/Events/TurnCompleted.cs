namespace AgentDeck.Core.Events;

/// <summary>
/// A turn ended. <see cref="Reason"/> is a stable failure or interruption reason (<c>api_error</c>, <c>max_turns</c>,
/// <c>budget</c>, <c>aborted</c>, <c>crash</c>, ...) and null on success.
/// </summary>
public sealed record TurnCompleted(TurnOutcome Outcome, string? FinalText, string? Reason, string? Detail = null) : AgentEvent
{
    public override string Kind => EventKinds.TurnCompleted;
}
