using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Source;

/// <summary>
/// A deck source over the run ledger: lists runs, then reads each run's events from its last seen seq, so a poll
/// costs a query per changed run. Unread means "new text since the person last focused the run". A live run goes
/// through <paramref name="liveness"/> (which marks it lost when its supervisor died) before it is shown.
/// </summary>
public sealed class LedgerDeckSource(IRunLedger ledger, TimeProvider clock, Func<RunRecord, RunRecord>? liveness = null) : IDeckSource
{
    private const int InitialEvents = 200;
    private const int BatchLimit = 1000;
    private const int RunLimit = 200;
    private readonly Dictionary<string, Tracked> _runs = new(StringComparer.Ordinal);
    private long _version;
    private readonly RunListSignature _signature = new();

    public DeckSnapshot Poll(DeckScope scope)
    {
        IReadOnlyList<RunRecord> runs;
        try
        {
            // Filtered here rather than in SQL: a run belongs to the repository when its recorded repo matches or it ran inside it.
            runs = ledger.ListRuns(new RunQuery { Limit = RunLimit }).Where(scope.Includes)
                .Select(run => liveness is null || run.Status.IsFinal() ? run : liveness(run)).ToList();
        }
        catch (LedgerException error)
        {
            return DeckSnapshot.Empty(clock.GetUtcNow()) with { SourceProblem = error.Message, Version = ++_version };
        }

        var workers = new List<WorkerView>(runs.Count);
        var changed = false;
        foreach (var run in runs)
        {
            changed |= Catch(run, out var tracked);
            workers.Add(new WorkerView(run, tracked.Activity.Seq == 0 ? WorkerFormat.Status(run.Status) : tracked.Activity.Phase,
                tracked.Activity.LastTool, tracked.Tail, tracked.Activity.Seq > tracked.ReadSeq));
        }

        if (changed | _signature.Update(runs, scope.Label))
        {
            _version++;
        }

        return new DeckSnapshot
        {
            Workers = workers,
            Now = clock.GetUtcNow(),
            Version = _version,
            ShowingAll = scope.ShowAll,
            ScopeLabel = scope.Label,
        };
    }

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq) => ledger.ReadEvents(runId, fromSeq, int.MaxValue);

    public void MarkRead(string runId)
    {
        if (_runs.TryGetValue(runId, out var tracked))
        {
            tracked.ReadSeq = tracked.Activity.Seq;
            _version++;
        }
    }

    private bool Catch(RunRecord run, out Tracked tracked)
    {
        var isNew = !_runs.TryGetValue(run.Id, out tracked!);
        if (isNew)
        {
            tracked = new Tracked();
            _runs[run.Id] = tracked;
            var last = ledger.ReadLastEvents(run.Id, InitialEvents);
            Apply(tracked, last);
            tracked.ReadSeq = tracked.Activity.Seq;
            return true;
        }

        if (run.EventCount <= tracked.Activity.Seq)
        {
            return false;
        }

        while (true)
        {
            var batch = ledger.ReadEvents(run.Id, tracked.Activity.Seq + 1, BatchLimit);
            Apply(tracked, batch);
            if (batch.Count < BatchLimit)
            {
                return true;
            }
        }
    }

    private static void Apply(Tracked tracked, IReadOnlyList<StoredEvent> events)
    {
        foreach (var stored in events)
        {
            tracked.Activity.Apply(stored.Seq, stored.ToEvent());
        }
    }

    private sealed class Tracked
    {
        private IReadOnlyList<string> _tail = [];
        private long _tailSeq = -1;

        public WorkerActivity Activity { get; } = new();
        public long ReadSeq { get; set; }

        /// <summary>The activity's tail, copied out again only when an event was applied since (every event moves the seq).</summary>
        public IReadOnlyList<string> Tail
        {
            get
            {
                if (_tailSeq != Activity.Seq)
                {
                    _tail = Activity.Tail;
                    _tailSeq = Activity.Seq;
                }

                return _tail;
            }
        }
    }
}
