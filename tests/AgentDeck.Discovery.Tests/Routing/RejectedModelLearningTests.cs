using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Routing;
using static AgentDeck.Discovery.Tests.Support.RoutingFixtures;

namespace AgentDeck.Discovery.Tests.Routing;

/// <summary>Routing learns from the ledger's failed runs which models an agent refused, and says so in one line.</summary>
public sealed class RejectedModelLearningTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private static RunOutcomeSample Run(string model, string? reason, DateTimeOffset ended, string id, AgentKind agent = AgentKind.Claude) =>
        new("review", agent, model, reason is null, null, 1_000) { FailureReason = reason, RunId = id, EndedAt = ended };

    [Fact]
    public void Given_a_run_that_ended_model_rejected_When_learning_Then_that_agent_and_model_are_rejected_with_the_run()
    {
        var rejected = new RejectedModels();

        rejected.Learn([Run("deep-model", FailureReasons.ModelRejected, Monday, "r1")]);

        Assert.True(rejected.IsRejected(AgentKind.Claude, "Deep-Model", out var why));
        Assert.Equal("claude rejected deep-model in run r1", why);
        Assert.False(rejected.IsRejected(AgentKind.Codex, "deep-model", out _));
    }

    [Fact]
    public void Given_a_later_run_that_got_past_the_model_When_learning_Then_it_is_no_longer_rejected()
    {
        var rejected = new RejectedModels();

        rejected.Learn([Run("deep-model", FailureReasons.ApiError, Monday.AddHours(1), "r2"), Run("deep-model", FailureReasons.ModelRejected, Monday, "r1")]);

        Assert.False(rejected.IsRejected(AgentKind.Claude, "deep-model", out _));
    }

    [Fact]
    public void Given_a_model_recorded_as_rejected_When_newer_history_shows_it_working_Then_learning_clears_it()
    {
        var rejected = new RejectedModels();
        rejected.Learn([Run("deep-model", FailureReasons.ModelRejected, Monday, "r1")]);

        rejected.Learn([Run("deep-model", null, Monday.AddDays(1), "r2"), Run("deep-model", FailureReasons.ModelRejected, Monday, "r1")]);

        Assert.Empty(rejected.All);
    }

    [Fact]
    public void Given_other_failures_When_learning_Then_nothing_is_rejected()
    {
        var rejected = new RejectedModels();

        rejected.Learn([Run("deep-model", FailureReasons.ApiError, Monday, "r1"), Run("mid-model", FailureReasons.CheckFailed, Monday, "r2")]);

        Assert.Empty(rejected.All);
    }

    [Fact]
    public void Given_history_with_a_rejected_best_model_When_routing_Then_the_next_best_wins_and_the_reason_names_the_run()
    {
        var router = new RoutingService(new AgentDeck.Discovery.Catalogs.DataCatalogs(Prices, Traits, [Review], []), Policy());
        var profiles = new ProfileReport(
        [
            Profile("deep", AgentKind.Claude, "deep-model"),
            Profile("fast", AgentKind.Claude, "fast-model"),
        ], []);

        var decision = router.Route("review", profiles, new HashSet<AgentKind> { AgentKind.Claude },
            [Run("deep-model", FailureReasons.ModelRejected, Monday, "r9")])!;

        Assert.Equal("fast-model", decision.Choice?.Model);
        Assert.Contains("skipped 1 rejected by the agent (claude rejected deep-model in run r9)", decision.Reason);
    }

    [Fact]
    public void Given_a_role_pinned_to_a_rejected_model_When_routing_Then_no_route_and_the_reason_says_why()
    {
        var rejected = new RejectedModels();
        rejected.Learn([Run("fast-model", FailureReasons.ModelRejected, Monday, "r3")]);

        var decision = Planner(Policy(new RolePolicy("review", PinnedModel: "fast-model")), rejected: rejected).Route(Review, Candidates);

        Assert.Null(decision.Choice);
        Assert.Equal("no route: pinned model fast-model is not usable: claude rejected fast-model in run r3", decision.Reason);
    }

    [Fact]
    public void Given_a_profile_naming_a_rejected_model_When_warning_Then_the_profile_and_a_loose_model_are_named()
    {
        var rejected = new RejectedModels();
        rejected.Learn([Run("deep-model", FailureReasons.ModelRejected, Monday, "r1"), Run("ghost", FailureReasons.ModelRejected, Monday, "r2")]);
        var profiles = new ProfileReport([Profile("deep", AgentKind.Claude, "deep-model"), Profile("fast", AgentKind.Claude, "fast-model")], []);

        var forProfiles = RejectedModelWarnings.ForProfiles(profiles, rejected);
        var all = RejectedModelWarnings.All(profiles, rejected);

        var warning = Assert.Single(forProfiles);
        Assert.StartsWith("profile deep (", warning.Source, StringComparison.Ordinal);
        Assert.Contains("claude rejected deep-model in run r1", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, all.Count);
        Assert.Contains(all, w => w.Source == RejectedModelWarnings.LedgerSource && w.Message.Contains("claude/ghost", StringComparison.Ordinal));
    }

    private static DiscoveredProfile Profile(string name, AgentKind agent, string model) =>
        new(name, name, agent, ProfileSource.AgentDeck, "/home/u/.config/agentdeck/config.toml", model, new Dictionary<string, string>(), null, null, false);
}
