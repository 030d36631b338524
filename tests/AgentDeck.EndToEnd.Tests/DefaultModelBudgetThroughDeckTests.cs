using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// The run budget holds for the model the pinned Claude CLI asks for when none is named (claude-opus-5-5, priced in
/// the shipped table): the worker is stopped within one model call of the budget, and the run records what the
/// stopped turn had spent, the same figure as the estimate that stopped it.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed partial class DefaultModelBudgetThroughDeckTests(AgentCliFixture fixture)
{
    private const decimal Budget = 1.00m;
    private const decimal OneCall = 0.42m;

    [Fact]
    public async Task Given_a_small_run_budget_and_no_model_named_When_claude_runs_costly_calls_Then_it_is_stopped_near_the_budget_and_records_the_estimate()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.SetLimitsAsync(string.Create(CultureInfo.InvariantCulture, $"run_budget_usd = {Budget}"));

        var id = await deck.RunDetachedAsync("claude", $"Take the steps [[S:{AgentCliFixture.CostlyCallsScenario}]]", ["--write"]);
        var (_, runs) = await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.Equal(("failed", "budget"), (Deck.Status(runs[0]), (string?)runs[0]["failure_reason"]));
        Assert.Equal("claude-opus-5-5", (string?)run["model"]);
        var recorded = (decimal)run["cost_usd"]!;
        Assert.InRange(recorded, Budget, Budget + OneCall);
        Assert.Equal("cut_short_turn", (string?)run["cost_estimate"]);
        Assert.True((long)run["tokens"]!["input"]! >= 300_000, run.ToJsonString());
        var stopNotice = events.OfKind("notice").Select(n => (string?)n["message"]).Single(m => m?.Contains("with the turn in flight", StringComparison.Ordinal) == true);
        var estimate = decimal.Parse(EstimateFigure().Match(stopNotice!).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(estimate, recorded);
        Assert.DoesNotContain("All steps done.", events.Describe(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"an estimated \$([0-9.]+)")]
    private static partial Regex EstimateFigure();
}
