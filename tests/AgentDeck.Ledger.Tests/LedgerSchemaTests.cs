using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger.Tests;

public sealed class LedgerSchemaTests : IDisposable
{
    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Migrations_are_numbered_one_by_one_from_one()
    {
        Assert.Equal(Enumerable.Range(1, LedgerMigrations.All.Count), LedgerMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public void Given_no_file_When_opening_Then_a_WAL_ledger_at_the_latest_version_is_created_with_its_indexes()
    {
        using (_state.Open())
        {
        }

        using var raw = new SqliteConnection($"Data Source={_state.LedgerFile};Pooling=False");
        raw.Open();
        Assert.Equal((long)LedgerMigrations.LatestVersion, Scalar(raw, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode"));
        Assert.Equal(16384L, Scalar(raw, "PRAGMA page_size"));
        var indexes = Strings(raw, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
        Assert.Superset(new HashSet<string> { "runs_by_started_at", "runs_by_status", "runs_by_cwd", "runs_by_session" }, indexes.ToHashSet());
        Assert.Contains("event_chunks_by_run", indexes);
        var tables = Strings(raw, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Contains("event_chunks", tables);
        Assert.DoesNotContain("events", tables);
    }

    [Fact]
    public void Given_an_existing_ledger_When_reopened_Then_its_runs_are_kept()
    {
        string id;
        using (var ledger = _state.Open())
        {
            id = ledger.CreateRun(new NewRun("gemini")).Id;
        }

        using var again = _state.Open();

        Assert.Equal("gemini", again.FindRun(id)!.Agent);
    }

    [Fact]
    public void Given_a_routed_run_with_denied_calls_When_read_back_Then_its_route_and_denied_count_are_kept()
    {
        using var ledger = _state.Open();
        var route = new RunRoute("claude", "claude-opus-4-5", null, "best of 6 for review");
        var id = ledger.CreateRun(new NewRun("claude") { Role = "review", Route = route }).Id;

        ledger.AppendEvents(id, Events.Notes("x", 1), new RunAggregates { Status = RunStatus.Succeeded, DeniedToolCalls = 3 });
        var run = ledger.FindRun(id)!;

        Assert.Equal((route, 3), (run.Route, run.DeniedToolCalls));
        Assert.Null(ledger.CreateRun(new NewRun("codex")).Route);
    }

    [Fact]
    public void Given_an_empty_file_When_opening_Then_it_becomes_a_ledger()
    {
        File.WriteAllBytes(_state.LedgerFile, []);

        using var ledger = _state.Open();

        Assert.Empty(ledger.ListRuns(new RunQuery()));
    }

    [Fact]
    public void Deleting_a_run_deletes_its_events_through_the_foreign_key()
    {
        using (var ledger = _state.Open())
        {
            var run = ledger.CreateRun(new NewRun("claude"));
            ledger.AppendEvents(run.Id, Events.Notes("e", 3));
        }

        using var raw = new SqliteConnection($"Data Source={_state.LedgerFile};Pooling=False;Foreign Keys=True");
        raw.Open();
        using (var delete = raw.CreateCommand())
        {
            delete.CommandText = "DELETE FROM runs";
            delete.ExecuteNonQuery();
        }

        Assert.Equal(0L, Scalar(raw, "SELECT COUNT(*) FROM event_chunks"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
