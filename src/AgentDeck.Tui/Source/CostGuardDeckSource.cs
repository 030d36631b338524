using AgentDeck.Core.Cost;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Source;

/// <summary>
/// Adds the cost guard to every snapshot: the enforced <c>[limits]</c>, today's spend and the slots in use over the
/// whole ledger (the guard counts every run, not the screen's scope), and the live workers' spend from their
/// supervisors. The ledger is read again only after the inner snapshot changed, at most once per
/// <see cref="MinInterval"/>, and at least every <see cref="MaxAge"/> (runs outside the screen's scope move too).
/// </summary>
public sealed class CostGuardDeckSource(IDeckSource inner, IRunLedger ledger, CostGuardSettings? limits, string? limitsProblem, ILiveSpendProbe probe, TimeProvider clock) : IDeckSource
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private static readonly RunStatus[] Holding = [RunStatus.Starting, RunStatus.Running, RunStatus.Waiting, RunStatus.Idle];
    private static readonly RunStatus[] Live = [.. Holding, RunStatus.Queued];

    private DeckCostGuard _guard = DeckCostGuard.Unknown;
    private DaySpend _today = DaySpend.None;
    private (int Active, int Queued) _slots;
    private IReadOnlyCollection<string> _liveRuns = [];
    private string? _problem = limitsProblem;
    private long _innerVersion = -1;
    private bool _stale = true;
    private DateTimeOffset _read = DateTimeOffset.MinValue;
    private long _changes;

    public DeckSnapshot Poll(DeckScope scope)
    {
        var snapshot = inner.Poll(scope);
        var now = clock.GetUtcNow();
        _stale |= snapshot.Version != _innerVersion;
        _innerVersion = snapshot.Version;
        if ((_stale && now - _read >= MinInterval) || now - _read >= MaxAge)
        {
            ReadLedger(now);
        }

        var guard = new DeckCostGuard
        {
            Limits = limits,
            Problem = _problem,
            Today = _today,
            Active = _slots.Active,
            Queued = _slots.Queued,
            Live = probe.Latest(_liveRuns),
        };
        if (guard != _guard)
        {
            _guard = guard;
            _changes++;
        }

        return snapshot with { CostGuard = _guard, Version = snapshot.Version + _changes };
    }

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq) => inner.ReadEvents(runId, fromSeq);

    public void MarkRead(string runId) => inner.MarkRead(runId);

    private void ReadLedger(DateTimeOffset now)
    {
        _read = now;
        _stale = false;
        try
        {
            _today = TodaysSpend.Of(ledger, now);
            var live = ledger.ListRuns(new RunQuery { Statuses = Live, Limit = 0 });
            var queued = live.Count(r => r.Status == RunStatus.Queued);
            _slots = (live.Count - queued, queued);
            _liveRuns = live.Where(r => r.Status != RunStatus.Queued).Select(r => r.Id).ToList();
            _problem = limitsProblem;
        }
        catch (LedgerException error)
        {
            _problem = error.Message;
        }
    }
}
