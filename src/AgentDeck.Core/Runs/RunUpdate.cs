namespace AgentDeck.Core.Runs;

/// <summary>Fields a supervisor changes on a run. Null leaves a field as it is.</summary>
public sealed record RunUpdate
{
    public RunStatus? Status { get; init; }
    public string? FailureReason { get; init; }
    public int? Pid { get; init; }
    public int? AgentPid { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int? ExitCode { get; init; }
    public string? SessionId { get; init; }
    public string? Model { get; init; }
    public string? Role { get; init; }
    public string? Profile { get; init; }
    public string? Team { get; init; }
}
