using AgentDeck.Core.Cost;

namespace AgentDeck.Supervision;

/// <summary>How a <see cref="WorkerSupervisor"/> runs its worker.</summary>
public sealed record SupervisorOptions
{
    public CostGuardSettings Limits { get; init; } = CostGuardSettings.Default;

    /// <summary>Keep stdin open after a turn ends so the session can be steered again (the worker then idles).</summary>
    public bool KeepOpen { get; init; }

    /// <summary>Time between stop escalations (interrupt → SIGTERM → SIGKILL).</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often pending events are committed, so other front ends see output promptly (when no
    /// <see cref="Flusher"/> is given).
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Commits this worker's events together with the other workers' of the process on their shared tick (the
    /// supervisor host); it must use the same ledger and <see cref="LedgerLock"/>. Null: the supervisor commits its
    /// own every <see cref="FlushInterval"/>.
    /// </summary>
    public LedgerFlusher? Flusher { get; init; }

    /// <summary>How often a queued worker looks for a free slot, and a running one checks the global budget.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for timeouts, grace periods and polling (tests pass a fake).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Prices tokens for agents that report no cost; null leaves such costs unknown.</summary>
    public IPriceBook? Prices { get; init; }

    /// <summary>
    /// Follows the tokens of the turn in flight so the run and global budgets can stop a worker mid-turn, before the
    /// agent reports the turn's cost; priced with <see cref="Prices"/>. Null: budgets act on reported costs only.
    /// One meter per worker.
    /// </summary>
    public ILiveUsageMeter? LiveUsage { get; init; }

    /// <summary>Where the workers of one process publish their in-flight estimates for the global budget; null: own only.</summary>
    public InFlightSpend? SharedInFlight { get; init; }

    /// <summary>
    /// The lock every user of the ledger takes, when supervisors in one process share one ledger connection (the
    /// supervisor host); null gives the supervisor its own.
    /// </summary>
    public Lock? LedgerLock { get; init; }

    /// <summary>
    /// The whole environment the agent gets (the front end's that asked for the run), under the driver's own
    /// settings; null inherits this process's.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// An adopted worker whose front end recorded its first stdout lines (raw log and events) while the host started:
    /// the first lines read that equal the raw log's lines, in order, go through the parser, the driver and the tally
    /// again but are not written a second time.
    /// </summary>
    public bool ReplayRecordedStdout { get; init; }

    /// <summary>
    /// Awaited before the run's recorder opens the raw logs (an adopted worker: until its front end stopped recording
    /// the first lines); null: no wait.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeRecording { get; init; }
}
