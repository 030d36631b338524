using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Core.Tests;

public sealed class RunTallyTests
{
    private sealed class FlatPrice(decimal perToken, string knownModel) : IPriceBook
    {
        public decimal? Price(string? model, TokenUsage usage) => model == knownModel ? usage.TotalInput * perToken + usage.Output * perToken : null;
    }

    [Fact]
    public void Given_two_turns_When_tallied_Then_tokens_and_reported_cost_add_up_per_turn()
    {
        var tally = new RunTally();

        tally.Apply(new SessionStarted("s", "m", "/w", []));
        tally.Apply(new UsageReported(new TokenUsage(100, 10, 0, 5, 1), null));
        tally.Apply(new CostReported(0.001m, 0.001m));
        tally.Apply(new TurnCompleted(TurnOutcome.Succeeded, "one", null));
        tally.Apply(new UsageReported(new TokenUsage(50, 0, 0, 5, 0), null));
        tally.Apply(new CostReported(0.002m, 0.003m));
        tally.Apply(new TurnCompleted(TurnOutcome.Succeeded, "two", null));

        Assert.Equal(new TokenUsage(150, 10, 0, 10, 1), tally.Tokens);
        Assert.Equal(0.003m, tally.CostUsd);
        Assert.Equal("two", tally.FinalText);
        Assert.Equal(RunStatus.Succeeded, tally.Status);
        Assert.Equal(2, tally.Turns);
        Assert.Equal("s", tally.SessionId);
    }

    [Fact]
    public void Given_no_reported_cost_and_no_price_book_Then_cost_is_unknown_not_zero()
    {
        var tally = new RunTally();

        tally.Apply(new UsageReported(new TokenUsage(100, 0, 0, 5, 0), null, "gpt-x"));

        Assert.Null(tally.CostUsd);
    }

    [Fact]
    public void Given_a_price_book_Then_known_models_are_priced_and_an_unknown_one_makes_the_cost_unknown()
    {
        var known = new RunTally(new FlatPrice(0.01m, "gpt-x"));
        known.Apply(new UsageReported(new TokenUsage(100, 0, 0, 5, 0), null, "gpt-x"));
        var unknown = new RunTally(new FlatPrice(0.01m, "gpt-x"));
        unknown.Apply(new UsageReported(new TokenUsage(100, 0, 0, 5, 0), null, "mystery"));

        Assert.Equal(1.05m, known.CostUsd);
        Assert.Null(unknown.CostUsd);
    }

    [Fact]
    public void Tool_calls_are_counted_once_and_only_successful_changes_are_files_touched()
    {
        var tally = new RunTally();

        tally.Apply(new ToolCallStarted("a", "Write", "x", ["/w/x"]));
        tally.Apply(new ToolCallFinished("a", "Write", "ok", false, ["/w/x"]));
        tally.Apply(new ToolCallStarted("b", "Write", "y", ["/w/y"]));
        tally.Apply(new ToolCallFinished("b", "Write", "denied", true, ["/w/y"]));
        tally.Apply(new ToolCallFinished("c", "edit", "ok", false, ["/w/a"]));

        Assert.Equal(3, tally.ToolCalls);
        Assert.Equal(["/w/a", "/w/x"], tally.FilesTouched);
    }

    [Fact]
    public void A_failed_turn_keeps_its_reason_and_has_no_final_text_from_earlier_blocks()
    {
        var tally = new RunTally();

        tally.Apply(new AssistantText("API Error: 500", false));
        tally.Apply(new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.ApiError));

        Assert.Equal(RunStatus.Failed, tally.Status);
        Assert.Equal(FailureReasons.ApiError, tally.FailureReason);
        Assert.Null(tally.FinalText);
    }

    [Fact]
    public void Without_a_turn_end_the_run_is_running_and_a_new_turn_after_a_success_runs_again()
    {
        var tally = new RunTally();
        tally.Apply(new TurnStarted(null));
        Assert.Equal(RunStatus.Running, tally.Status);

        tally.Apply(new TurnCompleted(TurnOutcome.Succeeded, "ok", null));
        tally.Apply(new TurnStarted(null));

        Assert.Equal(RunStatus.Running, tally.Status);
    }
}
