using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Tests.Support;
using static AgentDeck.Discovery.Tests.Support.RoutingFixtures;

namespace AgentDeck.Discovery.Tests.Routing;

public sealed class RoutePlannerTests
{
    public static TheoryData<string, RolePolicy[], string?, string> PolicyCases => new()
    {
        // case, policies, expected model (null = no route), text the reason must contain
        { "no policy: best trait fit wins", [], "deep-model", "best of 3 for review" },
        { "pin to a model", [new RolePolicy("review", PinnedModel: "fast-model")], "fast-model", "pinned to fast-model" },
        { "pin to a profile", [new RolePolicy("review", PinnedProfile: "fast")], "fast-model", "pinned to profile fast" },
        { "pin to a model nobody offers", [new RolePolicy("review", PinnedModel: "ghost-model")], null, "pinned model ghost-model is not offered" },
        { "forbid the best", [new RolePolicy("review", ForbiddenModels: ["deep-model"])], "mid-model", "skipped 1 forbidden" },
        { "cap drops the dear ones", [new RolePolicy("review", MaxCostUsd: 5m)], "fast-model", "skipped 2 over the $5.00 cap" },
        { "cap between: mid fits", [new RolePolicy("review", MaxCostUsd: 6m)], "mid-model", "skipped 1 over the $6.00 cap" },
        { "cap below everything", [new RolePolicy("review", MaxCostUsd: 0.5m)], null, "every candidate was excluded (3 over the $0.50 cap)" },
        { "policy for another role has no effect", [new RolePolicy("implementation", PinnedModel: "fast-model")], "deep-model", "best of 3" },
    };

    [Theory]
    [MemberData(nameof(PolicyCases))]
    public void Given_policy_When_routing_review_Then_the_expected_model_and_reason(string name, RolePolicy[] policies, string? expectedModel, string reasonPart)
    {
        var decision = Planner(Policy(policies)).Route(Review, Candidates);

        Assert.True(expectedModel == decision.Choice?.Model, $"{name}: chose {decision.Choice?.Model ?? "nothing"}; {decision.Reason}");
        Assert.Contains(reasonPart, decision.Reason);
        Assert.DoesNotContain('\n', decision.Reason);
    }

    [Fact]
    public void Given_a_global_forbid_When_routing_Then_no_role_gets_that_model()
    {
        var policy = Policy() with { ForbiddenModels = ["deep-model"] };

        var plan = Planner(policy).Plan([Review, Implementation], Candidates);

        Assert.All(plan.Decisions, decision => Assert.Equal("mid-model", decision.Choice?.Model));
    }

    [Fact]
    public void Given_a_cap_and_a_model_without_price_When_routing_Then_it_stays_with_cost_unknown()
    {
        var candidates = Candidates.Append(new RoutingCandidate(AgentKind.Gemini, "unpriced-model", null)).ToList();
        var decision = Planner(Policy(new RolePolicy("review", MaxCostUsd: 0.5m))).Route(Review, candidates);

        Assert.Equal("unpriced-model", decision.Choice?.Model);
        Assert.Null(decision.ExpectedCostUsd);
        Assert.Contains("cost unknown", decision.Reason);
    }

    [Fact]
    public void Given_a_fallback_profile_When_routing_Then_the_decision_names_the_escalation()
    {
        var decision = Planner(Policy(new RolePolicy("review", PinnedProfile: "fast", FallbackProfile: "deep"))).Route(Review, Candidates);

        Assert.Equal("fast-model", decision.Choice?.Model);
        Assert.Equal(new RoutingCandidate(AgentKind.Claude, "deep-model", "deep"), decision.Fallback);
        Assert.Contains("on failure → claude/deep-model (deep)", decision.Reason);
    }

    [Fact]
    public void Given_a_fallback_over_the_cap_When_routing_Then_escalation_still_offers_it()
    {
        var decision = Planner(Policy(new RolePolicy("review", MaxCostUsd: 2m, FallbackProfile: "deep"))).Route(Review, Candidates);

        Assert.Equal("fast-model", decision.Choice?.Model);
        Assert.Equal("deep-model", decision.Fallback?.Model);
    }

    [Fact]
    public void Given_a_fallback_profile_that_does_not_exist_When_routing_Then_the_reason_says_so()
    {
        var decision = Planner(Policy(new RolePolicy("review", FallbackProfile: "turbo"))).Route(Review, Candidates);

        Assert.Null(decision.Fallback);
        Assert.Contains("fallback profile turbo not available", decision.Reason);
    }

    [Theory]
    [InlineData(5, "mid-model")]
    [InlineData(8, "mid-model")]
    [InlineData(4, "deep-model")]
    [InlineData(0, "deep-model")]
    public void Given_history_When_enough_runs_Then_calibration_overrides_traits(int runsEach, string expected)
    {
        // deep-model rates best on traits but failed every past review; mid-model succeeded every time.
        var history = Runs("review", AgentKind.Claude, "deep-model", succeeded: 0, failed: runsEach)
            .Concat(Runs("review", AgentKind.Codex, "mid-model", succeeded: runsEach, failed: 0));

        var decision = Planner(Policy(), history).Route(Review, Candidates);

        Assert.Equal(expected, decision.Choice?.Model);
    }

    [Fact]
    public void Given_too_few_runs_When_routing_Then_the_reason_says_history_is_not_yet_trusted()
    {
        var history = Runs("review", AgentKind.Claude, "deep-model", succeeded: 3, failed: 0);

        var decision = Planner(Policy(), history).Route(Review, Candidates);

        Assert.Contains("3 past runs, fewer than 5: not yet trusted", decision.Reason);
    }

    [Fact]
    public void Given_enough_runs_When_routing_Then_expected_cost_comes_from_history_and_reason_cites_it()
    {
        var history = Runs("review", AgentKind.Claude, "deep-model", succeeded: 6, failed: 0, cost: 0.25m);

        var decision = Planner(Policy(), history).Route(Review, Candidates);

        Assert.Equal("deep-model", decision.Choice?.Model);
        Assert.Equal(0.25m, decision.ExpectedCostUsd);
        Assert.StartsWith("best of 3 for review; 6 past runs, 100% succeeded", decision.Reason);
    }

    [Fact]
    public void Given_history_for_another_role_When_routing_Then_it_does_not_count()
    {
        var history = Runs("implementation", AgentKind.Claude, "deep-model", succeeded: 0, failed: 9);

        Assert.Equal("deep-model", Planner(Policy(), history).Route(Review, Candidates).Choice?.Model);
    }

    [Fact]
    public void Given_a_rejected_model_When_routing_Then_it_is_avoided_and_the_reason_counts_it()
    {
        var rejected = new RejectedModels();
        rejected.Record(AgentKind.Claude, "deep-model", "model not found");

        var decision = Planner(Policy(), rejected: rejected).Route(Review, Candidates);

        Assert.Equal("mid-model", decision.Choice?.Model);
        Assert.Contains("1 rejected by the agent", decision.Reason);
    }

    [Fact]
    public void Given_no_candidates_When_routing_Then_no_route_with_a_reason()
    {
        var decision = Planner(Policy()).Route(Review, []);

        Assert.Null(decision.Choice);
        Assert.Equal("no route: no agent with a usable model was found", decision.Reason);
    }

    [Fact]
    public void Given_an_unknown_model_When_scoring_Then_it_gets_a_neutral_fit()
    {
        var decision = Planner(Policy(new RolePolicy("review", PinnedModel: "mystery"))).Route(Review, [new RoutingCandidate(AgentKind.OpenCode, "mystery", null)]);

        Assert.Equal(0.5, decision.Score, 3);
        Assert.Contains("no trait data (neutral fit)", decision.Reason);
    }

    [Fact]
    public void Given_equal_scores_When_routing_Then_the_cheaper_wins_whatever_the_order()
    {
        var twins = new[] { new RoutingCandidate(AgentKind.Claude, "deep-model", "a"), new RoutingCandidate(AgentKind.Codex, "mid-model", "b") };
        var traits = new[]
        {
            new ModelTraits("deep-model", null, new Dictionary<ModelTrait, double> { [ModelTrait.Review] = 8 }),
            new ModelTraits("mid-model", null, new Dictionary<ModelTrait, double> { [ModelTrait.Review] = 8 }),
        };
        var planner = new RoutePlanner(Prices, traits, Policy(), Calibration.None, new RejectedModels());

        Assert.Equal("mid-model", planner.Route(Review, twins).Choice?.Model);
        Assert.Equal("mid-model", planner.Route(Review, twins.Reverse().ToList()).Choice?.Model);
    }
}
