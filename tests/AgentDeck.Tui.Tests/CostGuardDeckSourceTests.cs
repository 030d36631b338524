using AgentDeck.Core;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.TestSupport;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class CostGuardDeckSourceTests : IDisposable
{
    private static readonly CostGuardSettings Limits = CostGuardSettings.Default with { MaxConcurrency = 2, GlobalBudgetUsd = 20m, RunBudgetUsd = 2m };
    private readonly TempHome _home = new();
    private readonly AgentDeckPaths _paths;
    private readonly SqliteRunLedger _ledger;
    private readonly FakeClock _clock = new(DateTimeOffset.UtcNow);
    private readonly FakeSpendProbe _probe = new();

    public CostGuardDeckSourceTests()
    {
        _paths = new AgentDeckPaths(_home.Path);
        _ledger = SqliteRunLedger.Open(_paths);
    }

    [Fact]
    public void Given_runs_in_and_out_of_scope_and_from_yesterday_When_polled_Then_today_counts_every_run_started_today_and_the_slots_of_the_whole_ledger()
    {
        var here = LedgerSeeder.Import(_ledger, _paths, AgentKind.Claude, "claude-02-tools.ndjson", "implementer", "/repo/a");
        var elsewhere = LedgerSeeder.Import(_ledger, _paths, AgentKind.Claude, "claude-01-plain.ndjson", null, "/elsewhere");
        var yesterday = LedgerSeeder.Import(_ledger, _paths, AgentKind.Claude, "claude-02-tools.ndjson", null, "/repo/a");
        _ledger.UpdateRun(yesterday.Id, new RunUpdate { StartedAt = _clock.GetUtcNow().AddDays(-1) });
        var running = _ledger.CreateRun(new NewRun("claude") { Cwd = "/elsewhere", Status = RunStatus.Running });
        _ledger.CreateRun(new NewRun("codex") { Cwd = "/repo/a", Status = RunStatus.Queued });
        _probe.Answers[running.Id] = new WorkerSpend(0.5m, 0.25m, 2m);

        var snapshot = Source().Poll(new DeckScope("/repo/a", "/repo/a", ShowAll: false));

        var guard = snapshot.CostGuard;
        Assert.Equal(Limits, guard.Limits);
        Assert.Equal(here.CostUsd!.Value + elsewhere.CostUsd!.Value, guard.Today.Usd);
        Assert.Equal((4, 2), (guard.Today.Runs, guard.Today.UnknownCost));
        Assert.Equal((1, 1), (guard.Active, guard.Queued));
        Assert.Equal([running.Id], _probe.Asked);
        Assert.Equal(guard.Today.Usd + 0.25m, guard.TodayWithInFlightUsd);
    }

    [Fact]
    public void Given_more_runs_today_than_one_page_When_todays_spend_is_read_Then_every_one_counts_and_none_from_yesterday()
    {
        var now = _clock.GetUtcNow();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        for (var i = 0; i < 300; i++)
        {
            var started = i < 5 ? midnight.AddMinutes(-1 - i) : midnight.AddTicks((now - midnight).Ticks * i / 300);
            var run = _ledger.CreateRun(new NewRun("claude") { StartedAt = started });
            _ledger.AppendEvents(run.Id, [], new RunAggregates { Status = RunStatus.Succeeded, CostUsd = 0.01m });
        }

        Assert.Equal(new DaySpend(2.95m, 295, 0), TodaysSpend.Of(_ledger, now));
    }

    [Fact]
    public void Given_a_polled_ledger_When_a_run_starts_Then_the_slots_follow_after_the_minimum_interval()
    {
        var source = Source();
        Assert.Equal(0, source.Poll(DeckScope.All).CostGuard.Active);

        _ledger.CreateRun(new NewRun("claude") { Status = RunStatus.Running });
        Assert.Equal(0, source.Poll(DeckScope.All).CostGuard.Active);

        _clock.Advance(CostGuardDeckSource.MinInterval);
        var after = source.Poll(DeckScope.All);
        Assert.Equal(1, after.CostGuard.Active);
    }

    [Fact]
    public void Given_unreadable_limits_When_polled_Then_the_problem_shows_and_no_limit_is_made_up()
    {
        var source = new CostGuardDeckSource(new LedgerDeckSource(_ledger, _clock), _ledger, null, "config.toml: bad; fix the file's TOML", _probe, _clock);

        var guard = source.Poll(DeckScope.All).CostGuard;

        Assert.Null(guard.Limits);
        Assert.Equal("config.toml: bad; fix the file's TOML", guard.Problem);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _home.Dispose();
    }

    private CostGuardDeckSource Source() => new(new LedgerDeckSource(_ledger, _clock), _ledger, Limits, null, _probe, _clock);
}
