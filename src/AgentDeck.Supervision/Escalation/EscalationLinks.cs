using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Supervision.Escalation;

/// <summary>Finds the run a failed run was escalated to: a child in the same folder whose first event is the escalation notice.</summary>
public static class EscalationLinks
{
    /// <summary>Children are newer than their parent; this many of the folder's newest runs are searched.</summary>
    private const int RecentRunsSearched = 500;

    public static string? EscalatedTo(IRunLedger ledger, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Failed)
        {
            return null;
        }

        return ledger.ListRuns(new RunQuery { Cwd = run.Cwd, Limit = RecentRunsSearched })
            .Where(candidate => candidate.ParentRun == run.Id)
            .OrderBy(candidate => candidate.StartedAt)
            .FirstOrDefault(candidate => IsEscalation(ledger, candidate))?.Id;
    }

    public static bool IsEscalation(IRunLedger ledger, RunRecord run) =>
        run.ParentRun is not null
        && ledger.ReadEvents(run.Id, 1, 1) is [var first]
        && first.ToEvent() is Notice { Source: RunEscalator.NoticeSource };
}
