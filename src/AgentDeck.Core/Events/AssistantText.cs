namespace AgentDeck.Core.Events;

/// <summary>Text the assistant wrote: a whole block (<see cref="IsDelta"/> false) or a streamed fragment of one.</summary>
public sealed record AssistantText(string Text, bool IsDelta, string? MessageId = null) : AgentEvent
{
    public override string Kind => EventKinds.AssistantText;
}
