using AgentDeck.Agents.LiveUsage;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

/// <summary>Budgets that stop a worker inside a turn, from the tokens its stream reports before the turn's cost.</summary>
public sealed class MidTurnBudgetTests : IDisposable
{
    // One dollar per million tokens, input or output: 300,000 input tokens in flight are an estimated $0.30.
    private static readonly PriceTable Prices = new([new ModelPrice("claude-test", 1m, 1m)]);
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _state.Dispose();

    private static string MessageStart(string id, long inputTokens, string model = "claude-test") =>
        "{\"type\":\"stream_event\",\"event\":{\"type\":\"message_start\",\"message\":{\"id\":\"" + id + "\",\"model\":\"" + model
        + "\",\"content\":[],\"usage\":{\"input_tokens\":" + inputTokens + ",\"output_tokens\":1}}}}";

    [Fact]
    public async Task Given_a_run_budget_When_the_turn_in_flight_spends_past_it_Then_the_worker_is_stopped_before_the_turn_reports_a_cost()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 100_000), MessageStart("m2", 200_000)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.25m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        var notices = _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.Kind == EventKinds.Notice).Select(e => e.Payload).ToList();
        Assert.Contains(notices, n => n.Contains("turn in flight") && n.Contains("an estimated $0.300002 ") && n.Contains("(300002 tokens"));
        Assert.DoesNotContain(_state.Ledger.ReadEvents(run.Id, 1, 100), e => e.Kind == EventKinds.Cost);
        // The stopped turn never reported its usage: the tokens its stream showed stay on the run, priced.
        Assert.Equal(new TokenUsage(300_000, 0, 0, 2, 0), final.Tokens);
        Assert.Equal(0.300002m, final.CostUsd);
        Assert.Contains(notices, n => n.Contains("ended without reporting its usage") && n.Contains("300002 tokens"));
    }

    [Fact]
    public async Task Given_a_turn_in_flight_When_the_supervisor_is_pinged_Then_it_answers_what_its_guard_counts_and_the_run_budget_it_enforces()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 100_000)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 2m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };
        var supervisor = Supervised.Create(_state, _runner, run.Id, options);

        var running = supervisor.RunAsync();
        await supervisor.Ready;
        Control.ControlReply? ping = null;
        await Eventually.TrueAsync(async () =>
        {
            ping = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Ping));
            return ping.InFlightUsd > 0;
        }, "the turn in flight in the ping");
        await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop));
        await running;

        Assert.Equal((0.100001m, 2m, (decimal?)null), (ping!.InFlightUsd, ping.RunBudgetUsd, ping.CostUsd));
    }

    [Fact]
    public async Task Given_tokens_in_flight_under_the_budget_When_the_turn_ends_Then_the_worker_is_not_stopped()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 100_000), "done", """{"type":"result","usage":{"input_tokens":100000}}""", "cost 0.1");
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.25m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal(RunStatus.Succeeded, final.Status);
        Assert.Equal(0.1m, final.CostUsd);
    }

    [Fact]
    public async Task Given_a_finished_turn_When_the_next_turn_runs_Then_its_estimate_adds_to_the_reported_cost_not_to_the_old_tokens()
    {
        var run = _state.NewRun();
        // Turn 1 reports $0.20 (its 200,000 tokens leave the in-flight count at its result); turn 2's 100,000 tokens
        // in flight make $0.30 against a $0.25 budget.
        _runner.ExpectAgent().Stdout(
            "turn", MessageStart("m1", 200_000), """{"type":"result","usage":{}}""", "cost 0.2",
            "turn", MessageStart("m2", 100_000)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.25m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        var notices = _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.Kind == EventKinds.Notice).Select(e => e.Payload).ToList();
        Assert.Contains(notices, n => n.Contains("an estimated $0.300001 ") && n.Contains("(100001 tokens"));
    }

    [Fact]
    public async Task Given_a_finished_turn_When_the_next_turn_is_stopped_by_the_budget_Then_its_tokens_and_their_estimate_are_added_to_the_reported_cost()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout(
            "turn", MessageStart("m1", 200_000), """{"type":"result","usage":{}}""", "cost 0.2",
            "turn", MessageStart("m2", 100_000)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.25m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        // The estimate that stopped it (turn 1's reported $0.20 + $0.100001 in flight) is the run's cost, marked as an
        // estimate: the cut turn's tokens are not dropped because turn 1 reported a cost of its own.
        var notices = _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.Kind == EventKinds.Notice).Select(e => e.Payload).ToList();
        Assert.Contains(notices, n => n.Contains("an estimated $0.300001 "));
        Assert.Equal(0.300001m, final.CostUsd);
        Assert.Equal(CostEstimate.CutShortTurn, final.CostEstimate);
        Assert.Equal(new TokenUsage(100_000, 0, 0, 1, 0), final.Tokens);
    }

    [Fact]
    public async Task Given_an_unlisted_version_of_a_priced_family_When_its_turn_in_flight_crosses_the_budget_Then_the_family_price_stops_it()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 300_000, model: "claude-test-9-9")).RunsUntilSignalled(ProcessSignal.Terminate);
        var prices = new PriceTable([new ModelPrice("claude-test-*", 1m, 1m)]);
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.25m }, Prices = prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        var notices = _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.Kind == EventKinds.Notice).Select(e => e.Payload).ToList();
        Assert.Contains(notices, n => n.Contains("an estimated $0.300001 (300001 tokens at family prices)"));
        Assert.Equal((0.300001m, CostEstimate.CutShortTurn), (final.CostUsd, final.CostEstimate));
    }

    [Fact]
    public async Task Given_a_model_without_a_price_When_tokens_pile_up_in_flight_Then_the_estimate_is_unknown_the_worker_runs_on_and_a_warning_says_why()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 9_000_000, model: "unlisted-model"), MessageStart("m2", 9_000_000, model: "unlisted-model"), "done");
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.25m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal(RunStatus.Succeeded, final.Status);
        var notices = _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.Kind == EventKinds.Notice).Select(e => e.Payload).ToList();
        Assert.Single(notices, n => n.Contains("model unlisted-model has no price") && n.Contains("prices.yaml"));
    }

    [Fact]
    public async Task Given_todays_spend_near_the_global_budget_When_the_turn_in_flight_crosses_it_Then_the_worker_is_stopped()
    {
        var earlier = _state.NewRun();
        _state.Ledger.AppendEvents(earlier.Id, [], new RunAggregates { Status = RunStatus.Succeeded, CostUsd = 4.9m });
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 200_000)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { GlobalBudgetUsd = 5m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage() };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
    }

    [Fact]
    public async Task Given_another_workers_turn_in_flight_When_both_estimates_together_cross_the_global_budget_Then_the_worker_is_stopped()
    {
        var shared = new InFlightSpend();
        shared.Set("other-run", 0.6m);
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", MessageStart("m1", 500_000)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions
        {
            Limits = new() { GlobalBudgetUsd = 1m }, Prices = Prices, LiveUsage = new ClaudeLiveUsage(), SharedInFlight = shared,
        };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        Assert.Equal(0.6m, shared.OthersThan("someone-else"));
    }

    [Fact]
    public void Given_estimates_of_several_runs_When_one_ends_its_turn_Then_only_the_others_count()
    {
        var shared = new InFlightSpend();
        shared.Set("a", 0.2m);
        shared.Set("b", 0.3m);
        shared.Set("c", 0.4m);

        shared.Set("b", 0m);
        shared.Clear("c");

        Assert.Equal(0.2m, shared.OthersThan("x"));
        Assert.Equal(0m, shared.OthersThan("a"));
    }
}
