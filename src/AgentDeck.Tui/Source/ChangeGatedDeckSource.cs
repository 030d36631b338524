using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Source;

/// <summary>
/// Lets the screen poll often (so new output shows within one short poll interval) while costing almost nothing when
/// idle: a cheap change stamp (for the ledger, the size and write time of its files) is compared first, and the inner
/// source is only queried when the stamp moved, the scope changed, a run was marked read, or <paramref name="maxAge"/>
/// passed. An unchanged poll returns the last snapshot with the clock moved on.
/// </summary>
public sealed class ChangeGatedDeckSource(IDeckSource inner, Func<long> changeStamp, TimeProvider clock, TimeSpan maxAge) : IDeckSource
{
    private DeckSnapshot? _last;
    private DeckScope? _lastScope;
    private long _lastStamp;
    private DateTimeOffset _lastQuery;
    private bool _dirty;
    private (string RunId, long FromSeq, long Stamp)? _lastRead;

    public DeckSnapshot Poll(DeckScope scope)
    {
        var stamp = changeStamp();
        var now = clock.GetUtcNow();
        if (_last is { } last && !_dirty && stamp == _lastStamp && Equals(scope, _lastScope) && now - _lastQuery < maxAge)
        {
            return last with { Now = now };
        }

        // The stamp is taken before the query: a write landing during it moves the stamp again, so it is not missed.
        _last = inner.Poll(scope);
        _lastScope = scope;
        _lastStamp = stamp;
        _lastQuery = now;
        _dirty = false;
        return _last;
    }

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq)
    {
        var stamp = changeStamp();
        if (_lastRead == (runId, fromSeq, stamp))
        {
            return [];
        }

        var events = inner.ReadEvents(runId, fromSeq);
        _lastRead = events.Count == 0 ? (runId, fromSeq, stamp) : null;
        return events;
    }

    public void MarkRead(string runId)
    {
        inner.MarkRead(runId);
        _dirty = true;
    }
}
