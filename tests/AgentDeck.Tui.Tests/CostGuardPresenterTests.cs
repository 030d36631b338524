using AgentDeck.Core.Cost;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class CostGuardPresenterTests
{
    private static readonly CostGuardSettings Enforced = CostGuardSettings.Default with { MaxConcurrency = 3, GlobalBudgetUsd = 20m, RunBudgetUsd = 2m };

    [Theory]
    [InlineData(null, 0, "$1.50 today, no global budget set ([limits] global_budget_usd)", null)]
    [InlineData(20.0, 0, "$1.50 of $20.00 today · warns at 80%", 0.075)]
    [InlineData(20.0, 2, "$1.50 of $20.00 today · warns at 80% (+2 run(s) cost unknown)", 0.075)]
    [InlineData(1.8, 0, "$1.50 of $1.80 today · past the 80% warning", 0.8333)]
    [InlineData(1.5, 0, "$1.50 of $1.50 today · over: no new workers", 1.0)]
    public void Today_reads_against_the_global_budget_and_its_warning_fraction(double? budget, int unknown, string text, double? fraction)
    {
        var guard = new DeckCostGuard
        {
            Limits = CostGuardSettings.Default with { GlobalBudgetUsd = (decimal?)budget },
            Today = new DaySpend(1.25m, 3, unknown),
            Live = new Dictionary<string, WorkerSpend> { ["r"] = new(0.1m, 0.25m, null) },
        };

        var (actual, actualFraction) = CostGuardPresenter.Today(guard);

        Assert.Equal(text, actual);
        Assert.Equal(fraction, actualFraction is { } f ? Math.Round(f, 4) : null);
    }

    [Theory]
    [InlineData(2, 0, "2 of 3 active")]
    [InlineData(3, 2, "3 of 3 active, 2 queued")]
    public void Concurrency_reads_active_and_queued_against_max_concurrency(int active, int queued, string text) =>
        Assert.Equal(text, CostGuardPresenter.Concurrency(new DeckCostGuard { Limits = Enforced, Active = active, Queued = queued }).Text);

    [Fact]
    public void Without_readable_limits_nothing_is_made_up()
    {
        var guard = new DeckCostGuard { Limits = null, Problem = "broken", Active = 1 };
        Assert.Equal(("1 active", (double?)null), CostGuardPresenter.Concurrency(guard));
        Assert.Null(CostGuardPresenter.Today(guard).Fraction);
        Assert.Equal("no run budget set ([limits] run_budget_usd)", CostGuardPresenter.RunBudget(guard));
    }

    [Theory]
    [InlineData(0.5, 0.25, 2.0, "$0.7500 of $2.00 · $0.2500 in flight", 0.75)]
    [InlineData(0.5, 0.0, 2.0, "$0.5000 of $2.00", 0.5)]
    [InlineData(null, 0.25, null, "$0.2500 · $0.2500 in flight", 0.25)]
    [InlineData(0.5, null, 2.0, "$0.5000 of $2.00 · turn in flight: no price", 0.5)]
    public void A_live_worker_reads_as_its_supervisor_counts_it(double? reported, double? inFlight, double? runBudget, string text, double spent)
    {
        var worker = new WorkerView(SampleDeck.Run("r", "claude", null, null, RunStatus.Running, 1, null), "thinking", null, [], false);
        var guard = new DeckCostGuard { Limits = Enforced, Live = new Dictionary<string, WorkerSpend> { ["r"] = new((decimal?)reported, (decimal?)inFlight, (decimal?)runBudget) } };

        var (actual, spentUsd, budget) = CostGuardPresenter.Worker(worker, guard);

        Assert.Equal(text, actual);
        Assert.Equal((decimal)spent, spentUsd);
        Assert.Equal((decimal?)runBudget, budget);
    }

    [Theory]
    [InlineData(0.2, "$0.2000 of $2.00")]
    [InlineData(null, "cost unknown")]
    public void A_worker_without_a_supervisor_answer_reads_its_ledger_cost(double? cost, string text)
    {
        var worker = new WorkerView(SampleDeck.Run("r", "codex", null, null, RunStatus.Succeeded, 1, (decimal?)cost), "turn succeeded", null, [], false);
        Assert.Equal(text, CostGuardPresenter.Worker(worker, new DeckCostGuard { Limits = Enforced }).Text);
    }
}
