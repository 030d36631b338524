namespace AgentDeck.Core.Events;

/// <summary>Reasoning the agent exposed: a thinking block, a reasoning summary, or a streamed fragment of one.</summary>
public sealed record Thinking(string Text, bool IsDelta) : AgentEvent
{
    public override string Kind => EventKinds.Thinking;
}
