using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger;

/// <summary>A finished run's status: the protocol's word when it gave a final one, else the exit code's.</summary>
internal static class RunOutcome
{
    public static RunAggregates Final(RunTally tally, int? exitCode, DateTimeOffset endedAt)
    {
        var aggregates = RunAggregates.From(tally) with { EndedAt = endedAt, ExitCode = exitCode };
        if (tally.Status.IsFinal())
        {
            return aggregates;
        }

        return exitCode switch
        {
            0 => aggregates with { Status = RunStatus.Succeeded, FailureReason = null },
            null => aggregates with { Status = RunStatus.Lost, FailureReason = null },
            _ => aggregates with { Status = RunStatus.Failed, FailureReason = FailureReasons.Crash },
        };
    }
}
