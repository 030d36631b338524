using AgentDeck.Cli.Common;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Tests;

/// <summary>An estimated cost reads as one wherever it is shown in text.</summary>
public sealed class CostEstimateTextTests
{
    [Theory]
    [InlineData(CostEstimate.None, "$0.4200")]
    [InlineData(CostEstimate.FamilyPrice, "~$0.4200 (family price)")]
    [InlineData(CostEstimate.CutShortTurn, "~$0.4200 (estimate: a turn was cut short)")]
    public void Given_a_run_cost_and_why_it_is_an_estimate_When_formatted_Then_an_estimate_is_marked(CostEstimate estimate, string expected)
    {
        var run = new RunRecord { Id = "r1", Agent = "claude", CostUsd = 0.42m, CostEstimate = estimate };

        Assert.Equal(expected, RunFormat.Cost(run));
    }

    [Fact]
    public void Given_an_unknown_cost_When_formatted_Then_no_estimate_mark_is_invented()
    {
        Assert.Equal("cost unknown", RunFormat.Cost(new RunRecord { Id = "r1", Agent = "claude", CostEstimate = CostEstimate.FamilyPrice }));
    }

    [Fact]
    public void Given_usage_of_a_turn_cut_short_When_listed_Then_the_event_line_says_it_is_an_estimate()
    {
        var line = EventSummary.Of(new UsageReported(new TokenUsage(100, 0, 0, 5, 0), null, "m", Estimated: true));

        Assert.Equal("tokens 100 in (0 cached) / 5 out (estimate: the stream's count of a turn cut short)", line);
    }
}
