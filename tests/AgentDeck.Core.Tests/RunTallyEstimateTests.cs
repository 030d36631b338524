using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Core.Tests;

/// <summary>When a run's cost is an estimate, and that an estimate never drops what the agent reported.</summary>
public sealed class RunTallyEstimateTests
{
    private static readonly PriceTable Prices = new(
    [
        new ModelPrice("claude-opus-5-5", 4m, 20m),
        new ModelPrice("claude-opus-*", 5m, 25m),
    ]);

    [Fact]
    public void Given_reported_turns_When_a_turn_cut_short_adds_stream_tokens_Then_their_price_adds_to_the_reported_cost_as_an_estimate()
    {
        var tally = new RunTally(Prices);

        tally.Apply(new UsageReported(new TokenUsage(100_000, 0, 0, 0, 0), null, "claude-opus-5-5"));
        tally.Apply(new CostReported(2m, 2m));
        tally.Apply(new TurnCompleted(TurnOutcome.Succeeded, "one", null));
        tally.Apply(new UsageReported(new TokenUsage(125_000, 0, 0, 0, 0), null, "claude-opus-5-5", Estimated: true));

        Assert.Equal(2.5m, tally.CostUsd);
        Assert.Equal(CostEstimate.CutShortTurn, tally.CostEstimate);
        Assert.Equal(225_000, tally.Tokens.Input);
    }

    [Fact]
    public void Given_usage_of_an_unlisted_version_When_priced_through_its_family_Then_the_cost_is_a_family_price_estimate()
    {
        var tally = new RunTally(Prices);

        tally.Apply(new UsageReported(new TokenUsage(1_000_000, 0, 0, 0, 0), null, "claude-opus-9-1"));

        Assert.Equal(5m, tally.CostUsd);
        Assert.Equal(CostEstimate.FamilyPrice, tally.CostEstimate);
    }

    [Fact]
    public void Given_usage_of_a_listed_model_When_priced_Then_the_cost_is_not_an_estimate()
    {
        var tally = new RunTally(Prices);

        tally.Apply(new UsageReported(new TokenUsage(1_000_000, 0, 0, 0, 0), null, "claude-opus-5-5"));
        tally.Apply(new TurnCompleted(TurnOutcome.Succeeded, "done", null));

        Assert.Equal(4m, tally.CostUsd);
        Assert.Equal(CostEstimate.None, tally.CostEstimate);
    }

    [Fact]
    public void Given_an_agent_reported_cost_When_a_family_priced_model_ran_Then_the_agents_own_figure_is_not_an_estimate()
    {
        var tally = new RunTally(Prices);

        tally.Apply(new UsageReported(new TokenUsage(1_000_000, 0, 0, 0, 0), null, "claude-opus-9-1"));
        tally.Apply(new CostReported(3m, 3m));

        Assert.Equal(3m, tally.CostUsd);
        Assert.Equal(CostEstimate.None, tally.CostEstimate);
    }

    [Fact]
    public void Given_an_interrupted_turn_that_spent_tokens_When_tallied_Then_its_partial_figures_are_an_estimate()
    {
        var tally = new RunTally(Prices);

        tally.Apply(new UsageReported(new TokenUsage(100_000, 0, 0, 10_000, 0), null, "claude-opus-5-5"));
        tally.Apply(new CostReported(0.6m, 0.6m));
        tally.Apply(new TurnCompleted(TurnOutcome.Interrupted, null, "aborted"));

        Assert.Equal(0.6m, tally.CostUsd);
        Assert.Equal(CostEstimate.CutShortTurn, tally.CostEstimate);
    }
}
