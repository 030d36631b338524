using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

/// <summary>Events are packed several to a row; every read must still see one gapless, ordered sequence per run.</summary>
public sealed class EventChunkTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly SqliteRunLedger _ledger;

    public EventChunkTests() => _ledger = _state.Open();

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    [Fact]
    public void Given_batches_spanning_many_chunks_of_two_runs_When_read_from_any_seq_Then_every_event_comes_back_in_order()
    {
        var a = _ledger.CreateRun(new NewRun("claude")).Id;
        var b = _ledger.CreateRun(new NewRun("codex")).Id;
        foreach (var size in new[] { 1, 200, 63, 64, 65, 7 })
        {
            _ledger.AppendEvents(a, Events.Notes("a", size));
            _ledger.AppendEvents(b, Events.Notes("b", 3));
        }

        const int total = 1 + 200 + 63 + 64 + 65 + 7;
        var all = _ledger.ReadEvents(a, 1, 10_000);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.Equal(total, _ledger.CountEvents(a));
        Assert.Equal(total, _ledger.LastSeq(a));
        Assert.Equal(18, _ledger.CountEvents(b));
        for (var from = 1; from <= total + 1; from += 13)
        {
            var expected = all.Where(e => e.Seq >= from).Take(37).ToList();
            Assert.Equal(expected, _ledger.ReadEvents(a, from, 37), StoredEventComparer.Instance);
        }

        foreach (var limit in new[] { 1, 50, 64, 65, 129, total, total + 10 })
        {
            Assert.Equal(all.TakeLast(limit), _ledger.ReadLastEvents(a, limit), StoredEventComparer.Instance);
        }
    }

    [Fact]
    public void Given_events_of_every_shape_When_read_Then_fields_and_raw_round_trip()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        var time = new DateTimeOffset(2026, 11, 21, 12, 0, 0, 123, TimeSpan.Zero);
        var big = new string('é', 70_000);
        _ledger.AppendEvents(run,
        [
            new EventToAppend(new AssistantText(big, false), RunStream.Stdout, 1, time, Events.Utf8(big)),
            new EventToAppend(new Notice("stderr", "e"), RunStream.Stderr, 300, time.AddMilliseconds(5), Events.Utf8("e")),
            new EventToAppend(new ProtocolNote("x"), RunStream.Stdout, 0, time),
        ]);

        var stored = _ledger.ReadEvents(run, 1, 10, includeRaw: true);

        Assert.Equal(big, ((AssistantText)stored[0].ToEvent()!).Text);
        Assert.Equal(Events.Utf8(big), stored[0].Raw);
        Assert.Equal((2L, 300L, RunStream.Stderr, time.AddMilliseconds(5), EventKinds.Notice), (stored[1].Seq, stored[1].LineNo, stored[1].Stream, stored[1].Time, stored[1].Kind));
        Assert.Equal((0L, (byte[]?)null), (stored[2].LineNo, stored[2].Raw));
    }

    [Fact]
    public void Given_no_events_When_read_Then_nothing_and_zero()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;

        Assert.Empty(_ledger.ReadEvents(run, 1, 10));
        Assert.Empty(_ledger.ReadLastEvents(run, 10));
        Assert.Equal(0, _ledger.CountEvents(run));
        Assert.Equal(0, _ledger.DeleteEvents(run));
    }

    private sealed class StoredEventComparer : IEqualityComparer<StoredEvent>
    {
        public static readonly StoredEventComparer Instance = new();

        public bool Equals(StoredEvent? x, StoredEvent? y) =>
            x is not null && y is not null && x with { Raw = null } == y with { Raw = null }
            && (x.Raw ?? []).AsSpan().SequenceEqual(y.Raw ?? []) && (x.Raw is null) == (y.Raw is null);

        public int GetHashCode(StoredEvent obj) => obj.Seq.GetHashCode();
    }
}
