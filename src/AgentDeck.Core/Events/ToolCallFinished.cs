namespace AgentDeck.Core.Events;

/// <summary>
/// A tool call ended. <see cref="Paths"/> are the files it created, changed or deleted (empty for reads and failures);
/// their union is a run's "files touched".
/// </summary>
public sealed record ToolCallFinished(string CallId, string Name, string OutputSummary, bool IsError, IReadOnlyList<string> Paths)
    : AgentEvent
{
    public override string Kind => EventKinds.ToolCallFinished;
}
