using AgentDeck.Core.Runs;

namespace AgentDeck.Supervision;

/// <summary>
/// Counts worker slots from the ledger: a run holds a slot while it is starting, running or waiting. An idle kept-open
/// worker holds none (it may sit between turns for hours); steered, it takes one again like a queued run. Queued runs
/// take free slots oldest first (run ids sort by creation time); queued runs whose supervisor died are not waited for.
/// </summary>
internal sealed class ConcurrencyGate(IRunLedger ledger, RunLiveness liveness, Lock ledgerGate)
{
    private static readonly RunStatus[] Holding = [RunStatus.Starting, RunStatus.Running, RunStatus.Waiting];
    private static readonly RunStatus[] Waiting = [RunStatus.Queued];

    /// <summary>True when the run may start now.</summary>
    public bool HasSlot(string runId, int maxConcurrency)
    {
        lock (ledgerGate)
        {
            var holding = ledger.ListRuns(new RunQuery { Statuses = Holding, Limit = 0 })
                .Count(r => r.Id != runId && liveness.IsSupervised(r));
            var ahead = ledger.ListRuns(new RunQuery { Statuses = Waiting, Limit = 0 })
                .Count(r => string.CompareOrdinal(r.Id, runId) < 0 && liveness.IsSupervised(r));
            return holding + ahead < Math.Max(1, maxConcurrency);
        }
    }
}
