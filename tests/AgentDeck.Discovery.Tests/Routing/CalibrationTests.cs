using AgentDeck.Core;
using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Tests.Routing;

public sealed class CalibrationTests
{
    [Fact]
    public void Given_samples_When_grouped_Then_rates_costs_and_durations_are_per_role_agent_model()
    {
        var calibration = new Calibration(
        [
            new RunOutcomeSample("Review", AgentKind.Codex, "GPT-5", true, 0.30m, 1000),
            new RunOutcomeSample("review", AgentKind.Codex, "gpt-5", false, null, 3000),
            new RunOutcomeSample("review", AgentKind.Codex, "gpt-5", true, 0.10m, 2000),
            new RunOutcomeSample("review", AgentKind.Claude, "gpt-5", true, 9m, 1),
        ]);

        var stats = calibration.Find("review", AgentKind.Codex, "gpt-5");

        Assert.NotNull(stats);
        Assert.Equal(3, stats.Runs);
        Assert.Equal(2, stats.Successes);
        Assert.Equal(2.0 / 3, stats.SuccessRate, 6);
        Assert.Equal(0.20m, stats.MeanCostUsd);
        Assert.Equal(2000, stats.MeanDurationMs);
        Assert.Equal(2, calibration.GroupCount);
    }

    [Fact]
    public void Given_no_known_cost_When_grouped_Then_mean_cost_is_unknown_not_zero()
    {
        var calibration = new Calibration([new RunOutcomeSample("ops", AgentKind.Gemini, "g", true, null, 5)]);

        Assert.Null(calibration.Find("ops", AgentKind.Gemini, "g")!.MeanCostUsd);
    }

    [Fact]
    public void Given_groups_When_listed_Then_rows_are_ordered_and_marked_trusted_at_the_threshold()
    {
        var samples = Enumerable.Repeat(new RunOutcomeSample("review", AgentKind.Codex, "a", true, null, 1), 5)
            .Concat(Enumerable.Repeat(new RunOutcomeSample("review", AgentKind.Claude, "b", true, null, 1), 4))
            .Append(new RunOutcomeSample("ops", AgentKind.Claude, "b", false, null, 1));

        var rows = new Calibration(samples).Rows(minRuns: 5);

        Assert.Equal([("ops", "b", false), ("review", "a", true), ("review", "b", false)], rows.Select(row => (row.Role, row.Model, row.Trusted)));
    }
}
