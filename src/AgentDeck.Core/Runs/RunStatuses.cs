namespace AgentDeck.Core.Runs;

/// <summary>Wire names of <see cref="RunStatus"/> (<c>succeeded</c>, <c>failed</c>, ...) and what each means.</summary>
public static class RunStatuses
{
    public static string ToName(this RunStatus status) => status switch
    {
        RunStatus.Queued => "queued",
        RunStatus.Starting => "starting",
        RunStatus.Running => "running",
        RunStatus.Waiting => "waiting",
        RunStatus.Idle => "idle",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Interrupted => "interrupted",
        RunStatus.Stopped => "stopped",
        RunStatus.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? name, out RunStatus status)
    {
        foreach (var candidate in Enum.GetValues<RunStatus>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>True when the run's process is gone and nothing more will be appended.</summary>
    public static bool IsFinal(this RunStatus status) =>
        status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Interrupted or RunStatus.Stopped or RunStatus.Lost;
}
