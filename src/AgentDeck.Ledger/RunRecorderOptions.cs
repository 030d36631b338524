using AgentDeck.Core.Cost;
using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger;

/// <summary>How a <see cref="RunRecorder"/> batches: a flush happens at whichever limit comes first.</summary>
public sealed record RunRecorderOptions
{
    /// <summary>
    /// A commit costs far more than its events: every transaction rewrites the run's row, the chunk index and the
    /// last, partly filled pages, and each of those goes through the WAL and again at the checkpoint. A live worker
    /// commits on the supervisor's tick long before this; the limit matters for bursts, imports and rebuilds.
    /// </summary>
    public const int DefaultBatchEvents = 4096;
    public const int DefaultBatchBytes = 4 * 1024 * 1024;

    public int BatchEvents { get; init; } = DefaultBatchEvents;

    /// <summary>Raw bytes held before a flush, so a burst of huge lines cannot pile up in memory.</summary>
    public int BatchBytes { get; init; } = DefaultBatchBytes;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Prices tokens for agents that report no cost; null leaves such costs unknown.</summary>
    public IPriceBook? Prices { get; init; }

    /// <summary>
    /// The status every commit before <see cref="RunRecorder.Complete"/> writes, instead of the one the events imply;
    /// for a recorder that does not follow the run's live status (a cold spawn's front end recording the first lines:
    /// a turn's result there must not read as the run's end while the worker still runs). Null: the events' status.
    /// </summary>
    public RunStatus? InterimStatus { get; init; }
}
