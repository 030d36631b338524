using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.TestSupport;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class LedgerDeckSourceTests : IDisposable
{
    private readonly TempHome _home = new();
    private readonly AgentDeckPaths _paths;
    private readonly SqliteRunLedger _ledger;

    public LedgerDeckSourceTests()
    {
        _paths = new AgentDeckPaths(_home.Path);
        _ledger = SqliteRunLedger.Open(_paths);
    }

    [Fact]
    public void Given_imported_transcripts_When_polled_Then_each_run_shows_its_last_tool_and_tail()
    {
        var run = LedgerSeeder.Import(_ledger, _paths, AgentKind.Claude, "claude-02-tools.ndjson", "implementer", "/repo/a");
        var source = new LedgerDeckSource(_ledger, new FakeClock());

        var worker = Assert.Single(source.Poll(DeckScope.All).Workers);

        Assert.Equal(run.Id, worker.Run.Id);
        Assert.NotNull(worker.LastTool);
        Assert.NotEmpty(worker.Tail);
        Assert.False(worker.Unread);
    }

    [Fact]
    public void Given_a_scope_When_polled_Then_only_runs_inside_the_repository_show_until_show_all()
    {
        LedgerSeeder.Import(_ledger, _paths, AgentKind.Claude, "claude-01-plain.ndjson", null, "/repo/a/src");
        LedgerSeeder.Import(_ledger, _paths, AgentKind.Codex, "codex-01-plain.ndjson", null, "/elsewhere");
        var source = new LedgerDeckSource(_ledger, new FakeClock());
        var scope = new DeckScope("/repo/a", "/repo/a/src", ShowAll: false);

        Assert.Single(source.Poll(scope).Workers);
        Assert.Equal(2, source.Poll(scope with { ShowAll = true }).Workers.Count);
    }

    [Fact]
    public void Given_a_watched_run_When_a_writer_appends_Then_the_next_poll_is_a_new_version_with_unread_text()
    {
        var run = _ledger.CreateRun(new NewRun("claude") { Status = RunStatus.Running });
        var source = new LedgerDeckSource(_ledger, new FakeClock());
        var first = source.Poll(DeckScope.All);
        Assert.Equal(first.Version, source.Poll(DeckScope.All).Version);

        using (var writer = SqliteRunLedger.Open(_paths))
        {
            writer.AppendEvents(run.Id, [new EventToAppend(new AssistantText("hello from another process", false), RunStream.Stdout, 1, DateTimeOffset.UtcNow, null)]);
        }

        var second = source.Poll(DeckScope.All);
        var worker = Assert.Single(second.Workers);
        Assert.NotEqual(first.Version, second.Version);
        Assert.True(worker.Unread);
        Assert.Contains("hello from another process", worker.Tail);

        source.MarkRead(run.Id);
        Assert.False(Assert.Single(source.Poll(DeckScope.All).Workers).Unread);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _home.Dispose();
    }
}
