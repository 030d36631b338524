using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision.Escalation;

/// <summary>
/// Which failed runs a stronger model may fix: API errors, a refused model, a crash, running out of turns. Never a run
/// that hit a spending limit, was stopped or interrupted by a person, or was itself a resumed session.
/// </summary>
public static class EscalationRules
{
    public static IReadOnlySet<string> EscalatingReasons { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        FailureReasons.ApiError, FailureReasons.ModelRejected, FailureReasons.Crash, FailureReasons.MaxTurns,
    };

    public static bool ShouldEscalate(WorkerLaunch launch, RunRecord final) =>
        launch.Fallback is not null
        && launch.ResumeSessionId is null
        && final.Status == RunStatus.Failed
        && final.FailureReason is { } reason && EscalatingReasons.Contains(reason);
}
