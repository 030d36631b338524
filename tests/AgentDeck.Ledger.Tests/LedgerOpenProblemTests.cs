using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger.Tests;

/// <summary>Every bad state of the ledger file, on a real file: one clear line, and the file left exactly as it was.</summary>
public sealed class LedgerOpenProblemTests : IDisposable
{
    private static readonly LedgerOptions Quick = new() { BusyTimeout = TimeSpan.FromMilliseconds(200) };

    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Given_another_process_holds_the_write_lock_When_appending_Then_a_locked_error_comes_after_the_busy_timeout()
    {
        string runId;
        using (var setup = _state.Open())
        {
            runId = setup.CreateRun(new NewRun("claude")).Id;
        }

        using var holder = OpenRaw(_state.LedgerFile);
        Execute(holder, "BEGIN IMMEDIATE; INSERT INTO runs (id, agent, status, started_at, updated_at) VALUES ('0000000001', 'x', 'running', 0, 0);");
        using var ledger = _state.Open(Quick);

        var error = Assert.Throws<LedgerException>(() => ledger.AppendEvents(runId, [Events.Note("x")]));

        Assert.Equal(LedgerProblem.Locked, error.Problem);
        Assert.Contains("locked by another process", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Execute(holder, "COMMIT");
        Assert.Equal(1, ledger.AppendEvents(runId, [Events.Note("x")]).FirstSeq);
        Assert.NotNull(ledger.FindRun("0000000001"));
    }

    [Fact]
    public void Given_a_file_that_is_not_a_database_When_opening_Then_it_is_called_damaged_and_left_untouched()
    {
        var garbage = Events.Utf8(string.Concat(Enumerable.Repeat("this is not a database at all. ", 200)));
        File.WriteAllBytes(_state.LedgerFile, garbage);

        var error = Assert.Throws<LedgerException>(() => _state.Open());

        Assert.Equal(LedgerProblem.Corrupt, error.Problem);
        Assert.Contains("not a database", error.Message);
        Assert.Contains("move it aside", error.Message);
        Assert.Equal(garbage, File.ReadAllBytes(_state.LedgerFile));
    }

    [Fact]
    public void Given_a_ledger_with_damaged_pages_When_reading_Then_it_is_called_damaged_and_left_in_place()
    {
        using (var ledger = _state.Open())
        {
            var run = ledger.CreateRun(new NewRun("claude"));
            ledger.AppendEvents(run.Id, Events.Notes(new string('x', 500), 400));
        }

        // Overwrite every page after the first (the header stays valid, the b-trees do not).
        var bytes = File.ReadAllBytes(_state.LedgerFile);
        for (var i = 4096; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        File.WriteAllBytes(_state.LedgerFile, bytes);

        var error = Assert.Throws<LedgerException>(() =>
        {
            using var ledger = _state.Open();
            ledger.ListRuns(new RunQuery());
        });

        Assert.Equal(LedgerProblem.Corrupt, error.Problem);
        Assert.True(File.Exists(_state.LedgerFile));
        Assert.Equal(bytes, File.ReadAllBytes(_state.LedgerFile));
    }

    [Fact]
    public void Given_a_ledger_from_a_newer_AgentDeck_When_opening_Then_it_is_refused_and_not_written()
    {
        using (_state.Open())
        {
        }

        using (var raw = OpenRaw(_state.LedgerFile))
        {
            Execute(raw, $"PRAGMA user_version = {LedgerMigrations.LatestVersion + 1}");
        }

        var before = File.ReadAllBytes(_state.LedgerFile);

        var error = Assert.Throws<LedgerException>(() => _state.Open());
        var readOnlyError = Assert.Throws<LedgerException>(() => _state.Open(new LedgerOptions { ReadOnly = true }));

        Assert.Equal(LedgerProblem.SchemaTooNew, error.Problem);
        Assert.Equal(LedgerProblem.SchemaTooNew, readOnlyError.Problem);
        Assert.Contains("upgrade AgentDeck", error.Message);
        Assert.Equal(before, File.ReadAllBytes(_state.LedgerFile));
    }

    [Fact]
    public void Given_a_read_only_ledger_file_When_opening_to_write_Then_it_says_so_and_reading_still_works()
    {
        string runId;
        using (var ledger = _state.Open())
        {
            runId = ledger.CreateRun(new NewRun("claude")).Id;
        }

        _state.MakeUnwritable(_state.LedgerFile);

        var error = Assert.Throws<LedgerException>(() => _state.Open());
        using var reader = _state.Open(new LedgerOptions { ReadOnly = true });

        Assert.Equal(LedgerProblem.ReadOnly, error.Problem);
        Assert.Contains("not writable", error.Message);
        Assert.Equal(runId, reader.ResolveRun(runId[..6]).Id);
        Assert.True(reader.IsReadOnly);
    }

    [Fact]
    public void Given_a_read_only_state_directory_When_opening_to_write_Then_it_names_the_directory()
    {
        using (var ledger = _state.Open())
        {
            ledger.CreateRun(new NewRun("claude"));
        }

        _state.MakeUnwritable(_state.Directory);

        var error = Assert.Throws<LedgerException>(() => _state.Open());

        Assert.Equal(LedgerProblem.ReadOnly, error.Problem);
        Assert.Contains("directory", error.Message);
        Assert.Contains(_state.Directory, error.Message);
    }

    [Fact]
    public void Given_a_read_only_state_directory_When_opening_to_read_Then_runs_can_still_be_listed()
    {
        using (var ledger = _state.Open())
        {
            ledger.CreateRun(new NewRun("claude"));
        }

        _state.MakeUnwritable(_state.Directory);

        using var reader = _state.Open(new LedgerOptions { ReadOnly = true });

        Assert.Single(reader.ListRuns(new RunQuery()));
    }

    [Fact]
    public void Given_a_ledger_opened_read_only_When_writing_Then_it_says_so()
    {
        using (_state.Open())
        {
        }

        using var reader = _state.Open(new LedgerOptions { ReadOnly = true });

        var error = Assert.Throws<LedgerException>(() => reader.CreateRun(new NewRun("claude")));

        Assert.Equal(LedgerProblem.ReadOnly, error.Problem);
    }

    [Fact]
    public void Given_no_ledger_yet_When_opening_to_read_Then_it_says_there_is_none_and_creates_nothing()
    {
        var error = Assert.Throws<LedgerException>(() => _state.Open(new LedgerOptions { ReadOnly = true }));

        Assert.Equal(LedgerProblem.Missing, error.Problem);
        Assert.False(File.Exists(_state.LedgerFile));
    }

    private static SqliteConnection OpenRaw(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
