namespace AgentDeck.Core.Events;

/// <summary>A model API call failed for good (after the agent's own retries).</summary>
public sealed record ApiError(int? HttpStatus, string? ErrorType, string Message) : AgentEvent
{
    public override string Kind => EventKinds.ApiError;
}
