namespace AgentDeck.Core.Events;

/// <summary>The agent asked for a tool. <see cref="Paths"/> are the files the call names (for write scope and diff views).</summary>
public sealed record ToolCallStarted(string CallId, string Name, string InputSummary, IReadOnlyList<string> Paths) : AgentEvent
{
    public override string Kind => EventKinds.ToolCallStarted;
}
