using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Supervision;

/// <summary>Why the supervisor ended a worker itself, and the status the run then gets.</summary>
public sealed record EndReason(RunStatus Status, string? FailureReason, string Message)
{
    public static EndReason StoppedByUser { get; } = new(RunStatus.Stopped, null, "stopped on request");
    public static EndReason Timeout { get; } = new(RunStatus.Failed, FailureReasons.Timeout, "the run outlived its timeout");
    public static EndReason OutputCap { get; } = new(RunStatus.Failed, FailureReasons.OutputCap, "the run printed more than its output cap");
    public static EndReason RunBudget { get; } = new(RunStatus.Failed, FailureReasons.Budget, "the run crossed its USD budget");
    public static EndReason GlobalBudget { get; } = new(RunStatus.Failed, FailureReasons.Budget, "today's spend crossed the global USD budget");
    public static EndReason SupervisorCancelled { get; } = new(RunStatus.Stopped, null, "the supervisor was asked to end");
}
