namespace AgentDeck.Core.Workers;

/// <summary>Wire names of <see cref="WorkerPhase"/> (<c>thinking</c>, <c>tool</c>, <c>responding</c>, <c>retrying</c>); null for none.</summary>
public static class WorkerPhases
{
    public static string? ToName(this WorkerPhase phase) => phase switch
    {
        WorkerPhase.Thinking => "thinking",
        WorkerPhase.Tool => "tool",
        WorkerPhase.Responding => "responding",
        WorkerPhase.Retrying => "retrying",
        _ => null,
    };
}
