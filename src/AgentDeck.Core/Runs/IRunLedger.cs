namespace AgentDeck.Core.Runs;

/// <summary>
/// The run ledger: the one record of every run and its events. Writers and readers may live in different processes;
/// every write is one transaction. One instance is used by one thread at a time. Problems a person can fix are
/// reported as <see cref="Storage.LedgerException"/>.
/// </summary>
public interface IRunLedger : IDisposable
{
    /// <summary>Where the ledger lives (a file path), for messages.</summary>
    string Location { get; }

    bool IsReadOnly { get; }

    RunRecord CreateRun(NewRun run);

    /// <summary>Changes the given fields of a run; throws <see cref="Storage.LedgerProblem.UnknownRun"/> when there is none.</summary>
    RunRecord UpdateRun(string runId, RunUpdate update);

    /// <summary>
    /// Appends events after the run's last one in one transaction, numbering them inside it so that concurrent
    /// writers never collide; <paramref name="aggregates"/>, when given, is written in the same transaction.
    /// </summary>
    AppendResult AppendEvents(string runId, IReadOnlyList<EventToAppend> events, RunAggregates? aggregates = null);

    /// <summary>Exact id lookup; null when there is no such run.</summary>
    RunRecord? FindRun(string runId);

    /// <summary>Finds a run by its id or a unique prefix of it; an unknown or ambiguous prefix throws a one-line error.</summary>
    RunRecord ResolveRun(string idOrPrefix);

    IReadOnlyList<RunRecord> ListRuns(RunQuery query);

    /// <summary>Up to <paramref name="limit"/> events with seq ≥ <paramref name="fromSeq"/>, in order (polling reads from last seq + 1).</summary>
    IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq, int limit, bool includeRaw = false);

    /// <summary>The last <paramref name="limit"/> events of a run, in order.</summary>
    IReadOnlyList<StoredEvent> ReadLastEvents(string runId, int limit, bool includeRaw = false);

    long CountEvents(string runId);

    /// <summary>The run's highest seq, 0 when it has no events.</summary>
    long LastSeq(string runId);

    /// <summary>The newest run of an agent session, so a resume can start from its totals; null when none.</summary>
    RunRecord? FindLatestRunOfSession(string sessionId);

    /// <summary>Deletes a run's events (not the run) and returns how many there were.</summary>
    long DeleteEvents(string runId);
}
