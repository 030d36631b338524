using AgentDeck.Core;
using AgentDeck.Core.Routing;
using static AgentDeck.Discovery.Tests.Support.RoutingFixtures;

namespace AgentDeck.Discovery.Tests.Routing;

/// <summary>Every candidate gets a verdict, so a route (or the lack of one) can say why each agent lost.</summary>
public sealed class RouteVerdictTests
{
    [Fact]
    public void Given_candidates_of_two_agents_When_routing_Then_the_reason_names_the_other_agents_best_and_each_candidate_has_a_verdict()
    {
        var decision = Planner(Policy()).Route(Review, Candidates);

        Assert.Equal("deep-model", decision.Choice?.Model);
        Assert.Contains("best codex: codex/mid-model at 70%", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(Candidates, decision.Considered.Select(v => v.Candidate));
        Assert.Equal([true, false, false], decision.Considered.Select(v => v.Chosen));
        Assert.Equal("scored 70%: trait fit 70%", decision.Considered[1].Verdict);
    }

    [Fact]
    public void Given_a_model_without_trait_data_When_it_loses_Then_the_reason_says_it_had_none()
    {
        var candidates = Candidates.Append(new RoutingCandidate(AgentKind.Gemini, "unrated-model", null)).ToList();

        var decision = Planner(Policy()).Route(Review, candidates);

        Assert.Contains("best gemini: gemini/unrated-model at 50% (no trait data: neutral fit)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_route_When_routing_Then_each_candidate_says_why_it_was_left_out()
    {
        var policy = Policy(new RolePolicy("review", ForbiddenModels: ["deep-model"], MaxCostUsd: 0.5m));

        var decision = Planner(policy).Route(Review, Candidates);

        Assert.Null(decision.Choice);
        Assert.Equal(
            ["forbidden by the routing policy", "~$6.00/run is over the $0.50 cap", "~$1.00/run is over the $0.50 cap"],
            decision.Considered.Select(v => v.Verdict));
        Assert.All(decision.Considered, verdict => Assert.Null(verdict.Score));
    }

    [Fact]
    public void Given_a_stand_in_candidate_When_it_wins_Then_the_reason_says_what_stands_in()
    {
        var standIn = new RoutingCandidate(AgentKind.Codex, "deep-model", null) { Note = "simulated stand-in for codex at its default model" };

        var decision = Planner(Policy()).Route(Review, [standIn]);

        Assert.EndsWith("simulated stand-in for codex at its default model", decision.Reason, StringComparison.Ordinal);
    }
}
