using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger.Tests;

/// <summary>A ledger written by the version-1 schema (one row per event, raw BLOB) opens with every event intact.</summary>
public sealed class LedgerUpgradeTests : IDisposable
{
    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Given_a_version_1_ledger_When_opened_Then_events_are_moved_into_chunks_with_every_field_and_raw_line()
    {
        WriteVersion1Ledger(_state.LedgerFile, runs: ["0000000001", "0000000002"], eventsPerRun: 150);

        using var ledger = _state.Open();

        foreach (var run in new[] { "0000000001", "0000000002" })
        {
            var events = ledger.ReadEvents(run, 1, 1000, includeRaw: true);
            Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), events.Select(e => e.Seq));
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var n = i + 1;
                Assert.Equal(n * 2L, e.LineNo);
                Assert.Equal(n % 5 == 0 ? RunStream.Stderr : RunStream.Stdout, e.Stream);
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_763_700_000_000 + n), e.Time);
                Assert.Equal(KindOf(n), e.Kind);
                Assert.Equal(PayloadOf(run, n), e.Payload);
                Assert.Equal(RawOf(run, n), e.Raw);
            }

            Assert.Equal(150, ledger.CountEvents(run));
            Assert.Equal(151, ledger.AppendEvents(run, [Events.Note("after the upgrade")]).FirstSeq);
        }

        using var raw = new SqliteConnection($"Data Source={_state.LedgerFile};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    /// <summary>Every 4th event's payload does not open with its kind, which the chunk must then keep itself.</summary>
    private static string KindOf(int n) => n % 4 == 0 ? "legacy_note" : "notice";

    private static string PayloadOf(string run, int n) => n % 4 == 0
        ? $$"""{"level":"info","message":"{{run}} {{n}}","kind":"notice"}"""
        : $$"""{"kind":"notice","level":"info","message":"{{run}} {{n}}"}""";

    /// <summary>Every 3rd event has no raw line, every 7th an empty one, others bytes that are not valid UTF-8.</summary>
    private static byte[]? RawOf(string run, int n) =>
        n % 3 == 0 ? null : n % 7 == 0 ? [] : [.. Events.Utf8($"{run}:{n}"), 0xFF];

    private static void WriteVersion1Ledger(string file, string[] runs, int eventsPerRun)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, LedgerMigrations.All[0].Sql);
        Execute(connection, transaction, "PRAGMA user_version = 1");
        foreach (var run in runs)
        {
            Execute(connection, transaction, $"INSERT INTO runs (id, agent, status, started_at, updated_at, event_count) VALUES ('{run}', 'claude', 'succeeded', 1, 1, {eventsPerRun})");
            // Inserted newest first, so the upgrade must order by seq itself.
            for (var n = eventsPerRun; n >= 1; n--)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO events VALUES ($run, $seq, $line, $stream, $time, $kind, $payload, $raw)";
                insert.Parameters.AddWithValue("$run", run);
                insert.Parameters.AddWithValue("$seq", n);
                insert.Parameters.AddWithValue("$line", n * 2);
                insert.Parameters.AddWithValue("$stream", n % 5 == 0 ? "stderr" : "stdout");
                insert.Parameters.AddWithValue("$time", 1_763_700_000_000 + n);
                insert.Parameters.AddWithValue("$kind", KindOf(n));
                insert.Parameters.AddWithValue("$payload", PayloadOf(run, n));
                insert.Parameters.Add("$raw", SqliteType.Blob).Value = (object?)RawOf(run, n) ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
