using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Core.Runs;

/// <summary>One run as the ledger knows it: what was asked, where, by which agent, and what came of it.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }
    public required string Agent { get; init; }
    public string? Role { get; init; }
    public string? Model { get; init; }
    public string? Profile { get; init; }
    public string? Cwd { get; init; }
    public string? Repo { get; init; }
    public string? Prompt { get; init; }
    public RunStatus Status { get; init; }
    public string? FailureReason { get; init; }
    /// <summary>The supervisor's process id (the process that owns the agent's pipes), not the agent's.</summary>
    public int? Pid { get; init; }

    /// <summary>The agent CLI's own process id, once it started.</summary>
    public int? AgentPid { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int? ExitCode { get; init; }
    public TokenUsage Tokens { get; init; }

    /// <summary>Cost in USD; null when unknown (never read as zero).</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Why <see cref="CostUsd"/> is an estimate (a family price, a turn cut short), or none.</summary>
    public CostEstimate CostEstimate { get; init; }
    public string? ParentRun { get; init; }
    public string? Team { get; init; }
    public string? SessionId { get; init; }
    public string? FinalText { get; init; }
    public int ToolCalls { get; init; }

    /// <summary>Tool calls the agent's permission mode or sandbox refused.</summary>
    public int DeniedToolCalls { get; init; }

    /// <summary>The route the run was launched on (agent, model, profile, reason); null when the run was not routed.</summary>
    public RunRoute? Route { get; init; }
    public IReadOnlyList<string> FilesTouched { get; init; } = [];
    public long EventCount { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
