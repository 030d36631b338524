namespace AgentDeck.Core.Runs;

/// <summary>What is known about a run when it is created. <see cref="Agent"/> is the agent's wire name (<c>claude</c>, ...).</summary>
public sealed record NewRun(string Agent)
{
    /// <summary>An explicit id (import keeps ids stable); null lets the ledger make a new one.</summary>
    public string? Id { get; init; }
    public string? Role { get; init; }
    public string? Model { get; init; }
    public string? Profile { get; init; }
    public string? Cwd { get; init; }
    public string? Repo { get; init; }
    public string? Prompt { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Starting;
    public int? Pid { get; init; }

    /// <summary>When the run started (or was queued); null means now.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    public string? ParentRun { get; init; }
    public string? Team { get; init; }
    public string? SessionId { get; init; }

    /// <summary>The route the run is launched on, when routing chose (part of) it.</summary>
    public RunRoute? Route { get; init; }
}
