namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// The run budget stops a real CLI inside a turn, from the tokens its stream reports before the turn's cost: the
/// mock's "steer-long" scenario runs a 20 s command and only then answers, so a guard that waited for the turn's cost
/// would let the command finish and the answer arrive. The command outlasts even a forced stop after the 5 s grace,
/// so a CLI slow to honour the gentle stop on a loaded machine cannot make the answer arrive first. Both models are in
/// the price table (the estimate needs a price).
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class MidTurnBudgetThroughDeckTests(AgentCliFixture fixture)
{
    [Theory]
    [InlineData("claude", "--model", "claude-sonnet-4-5")]
    [InlineData("codex", "--model", "gpt-5")]
    public async Task Given_a_tiny_run_budget_When_the_first_model_call_of_a_turn_reports_its_tokens_Then_the_worker_is_stopped_before_the_turn_ends(
        string agent, params string[] options)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.SetLimitsAsync("run_budget_usd = 0.000001");

        var id = await deck.RunDetachedAsync(agent, "Sleep then answer [[S:steer-long]]", ["--write", .. options]);
        var (wait, runs) = await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.Equal(1, wait.ExitCode);
        Assert.Equal(("failed", "budget"), (Deck.Status(runs[0]), (string?)runs[0]["failure_reason"]));
        Assert.True((double?)runs[0]["cost_usd"] > 0.000001, runs[0].ToJsonString());
        var described = events.Describe();
        Assert.Contains(events.OfKind("notice"), n => ((string?)n["message"])?.Contains("with the turn in flight: an estimated $", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("Finished the long task.", described, StringComparison.Ordinal);
        Assert.DoesNotContain(events.OfKind("turn_completed"), t => (string?)t["outcome"] == "succeeded");
    }
}
