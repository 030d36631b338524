using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;
using Microsoft.Data.Sqlite;

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
    public void Given_events_of_many_sizes_When_stored_Then_every_chunk_of_several_fits_one_page_and_pages_are_nearly_full()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        var random = new Random(7);
        var appended = new List<EventToAppend>();
        foreach (var batch in new[] { 900, 1, 2_500, 40 })
        {
            var events = Enumerable.Range(0, batch)
                .Select(i => new EventToAppend(new AssistantText(new string('a', random.Next(0, 2_000)), false), RunStream.Stdout, appended.Count + i + 1, Events.Time))
                .ToArray();
            _ledger.AppendEvents(run, events);
            appended.AddRange(events);
        }

        var chunks = ChunkSizes(run);
        Assert.All(chunks.Where(c => c.Events > 1), c => Assert.True(c.Bytes <= 16_000, $"a chunk of {c.Events} events takes {c.Bytes} bytes"));
        Assert.All(chunks, c => Assert.True(c.Events <= 256));

        // Each batch ends in one partly filled chunk; every other chunk was closed only because the next event did not
        // fit, and an event here takes at most ~2 KB.
        var partlyFilled = chunks.Count(c => c.Bytes < 16_000 - 2_100);
        Assert.True(partlyFilled <= 4, $"{partlyFilled} of {chunks.Count} chunks are less than nearly full");
        var stored = _ledger.ReadEvents(run, 1, 10_000);
        Assert.Equal(appended.Select(e => ((AssistantText)e.Event).Text), stored.Select(e => ((AssistantText)e.ToEvent()!).Text));
        Assert.Equal(appended.Select(e => e.LineNo), stored.Select(e => e.LineNo));
    }

    [Fact]
    public void Given_a_chunk_in_the_first_format_When_read_Then_every_field_and_raw_line_comes_back()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        Directory.CreateDirectory(_state.Paths.RunDirectory(run));
        File.WriteAllBytes(_state.Paths.StdoutLog(run), Events.Utf8("first\nsecond line\n"));
        var time = new DateTimeOffset(2026, 11, 21, 12, 0, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var body = new List<byte> { 1 };
        void Version1Event(long line, byte stream, long millis, string kind, string payload, byte rawKind, byte[] raw)
        {
            body.Add((byte)line);
            body.Add(stream);
            body.AddRange(BitConverter.GetBytes(millis));
            body.Add((byte)kind.Length);
            body.AddRange(Events.Utf8(kind));
            body.Add((byte)payload.Length);
            body.AddRange(Events.Utf8(payload));
            body.Add(rawKind);
            body.AddRange(raw);
        }

        Version1Event(1, 0, time, "notice", """{"kind":"notice","level":"info","message":"a"}""", 1, [3, (byte)'r', (byte)'a', (byte)'w']);
        Version1Event(2, 0, time + 7, "legacy", """{"message":"b"}""", 2, [6, 11]);
        Version1Event(2, 1, time + 7, "notice", """{"kind":"notice","level":"info","message":"c"}""", 0, []);
        using (var connection = new SqliteConnection($"Data Source={_state.LedgerFile};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO event_chunks (run_id, first_seq, last_seq, events) VALUES ($run, 1, 3, $body)";
            insert.Parameters.AddWithValue("$run", run);
            insert.Parameters.Add("$body", SqliteType.Blob).Value = body.ToArray();
            insert.ExecuteNonQuery();
        }

        var stored = _ledger.ReadEvents(run, 1, 10, includeRaw: true);

        Assert.Equal(
            [(1L, RunStream.Stdout, time, "notice", "raw"), (2L, RunStream.Stdout, time + 7, "legacy", "second line"), (2L, RunStream.Stderr, time + 7, "notice", (string?)null)],
            stored.Select(e => (e.LineNo, e.Stream, e.Time.ToUnixTimeMilliseconds(), e.Kind, e.Raw is null ? null : System.Text.Encoding.UTF8.GetString(e.Raw))));
        Assert.Equal("""{"message":"b"}""", stored[1].Payload);
        Assert.Equal(4, _ledger.AppendEvents(run, [Events.Note("after")]).FirstSeq);
        Assert.Equal(4, _ledger.CountEvents(run));
    }

    private List<(int Events, int Bytes)> ChunkSizes(string run)
    {
        using var connection = new SqliteConnection($"Data Source={_state.LedgerFile};Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT last_seq - first_seq + 1, length(events) FROM event_chunks WHERE run_id = $run ORDER BY last_seq";
        select.Parameters.AddWithValue("$run", run);
        using var reader = select.ExecuteReader();
        var sizes = new List<(int, int)>();
        while (reader.Read())
        {
            sizes.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return sizes;
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
