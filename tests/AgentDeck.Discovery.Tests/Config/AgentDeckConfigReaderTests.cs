using AgentDeck.Core;
using AgentDeck.Discovery.Config;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Config;

public sealed class AgentDeckConfigReaderTests
{
    private const string UserConfig = """
        [profiles.fast]
        agent = "claude"
        model = "claude-haiku-4-5"
        effort = "low"
        args = ["--max-turns", "30"]
        env = { CLAUDE_CODE_MAX_RETRIES = "2", ANTHROPIC_API_KEY = "sk-x" }

        [profiles.deep]
        agent = "codex"
        model = "gpt-5"
        effort = "high"

        [routing]
        min_runs = 8
        forbid = ["gpt-5-nano"]

        [routing.roles.review]
        profile = "deep"
        max_cost_usd = 0.5
        fallback = "deep"
        forbid = ["glm-4.6"]

        [routing.roles.ops]
        model = "claude-haiku-4-5"
        max_cost_usd = 1
        """;

    [Fact]
    public void Given_a_user_config_When_read_Then_profiles_and_routing_policy()
    {
        using var home = new TempHome();
        home.Write(".config/agentdeck/config.toml", UserConfig);
        var warnings = new List<DiscoveryWarning>();

        var config = new AgentDeckConfigReader(home.Environment).Read(warnings);

        Assert.Empty(warnings);
        var fast = config.Profiles.Single(profile => profile.Name == "fast");
        Assert.Equal((AgentKind.Claude, ProfileSource.AgentDeck, "claude-haiku-4-5", "low"), (fast.Agent, fast.Source, fast.Model, fast.Effort));
        Assert.Equal(["--max-turns", "30"], fast.ExtraArguments);
        Assert.Equal(["ANTHROPIC_API_KEY", "CLAUDE_CODE_MAX_RETRIES"], fast.EnvironmentNames);
        Assert.DoesNotContain("sk-x", DiscoveryJson.Serialize(fast));
        var application = ProfileApplier.Apply(fast);
        Assert.Equal(["--model", "claude-haiku-4-5", "--effort", "low", "--max-turns", "30"], application.Arguments);
        Assert.Equal("sk-x", application.Environment["ANTHROPIC_API_KEY"]);

        Assert.Equal(8, config.Policy.MinCalibrationRuns);
        Assert.Equal(["gpt-5-nano"], config.Policy.ForbiddenModels);
        var review = config.Policy.For("review");
        Assert.Equal(("deep", 0.5m, "deep", null), (review.PinnedProfile, review.MaxCostUsd, review.FallbackProfile, review.PinnedModel));
        Assert.Equal(["glm-4.6"], review.Forbidden);
        Assert.Equal(("claude-haiku-4-5", 1m), (config.Policy.For("ops").PinnedModel, config.Policy.For("ops").MaxCostUsd));
        Assert.Null(config.Policy.For("testing").MaxCostUsd);
    }

    [Fact]
    public void Given_a_project_config_When_read_Then_it_overrides_the_user_config_by_name()
    {
        using var home = new TempHome();
        home.Write(".config/agentdeck/config.toml", UserConfig);
        home.Write(".agentdeck/config.toml", "[profiles.fast]\nagent = \"gemini\"\nmodel = \"gemini-2.5-flash\"\n\n[routing.roles.review]\nmodel = \"gpt-5\"\n");

        var config = new AgentDeckConfigReader(home.Environment).Read(new List<DiscoveryWarning>());

        Assert.Equal(AgentKind.Gemini, config.Profiles.Single(profile => profile.Name == "fast").Agent);
        Assert.Equal(2, config.Profiles.Count);
        Assert.Equal(("gpt-5", null), (config.Policy.For("review").PinnedModel, config.Policy.For("review").MaxCostUsd));
        Assert.Equal(8, config.Policy.MinCalibrationRuns);
    }

    [Fact]
    public void Given_a_broken_project_config_When_read_Then_file_line_column_and_the_user_config_still_applies()
    {
        using var home = new TempHome();
        home.Write(".config/agentdeck/config.toml", UserConfig);
        var project = home.Write(".agentdeck/config.toml", "[routing]\nmin_runs = 3\n[routing\n");
        var warnings = new List<DiscoveryWarning>();

        var config = new AgentDeckConfigReader(home.Environment).Read(warnings);

        var warning = Assert.Single(warnings);
        Assert.Equal((project, 3), (warning.Source, warning.Line));
        Assert.NotNull(warning.Column);
        Assert.Equal(8, config.Policy.MinCalibrationRuns);
        Assert.Equal(2, config.Profiles.Count);
    }

    [Fact]
    public void Given_bad_values_When_read_Then_each_is_warned_at_its_position_and_skipped()
    {
        using var home = new TempHome();
        var path = home.Write(".config/agentdeck/config.toml",
            "[profiles.x]\nagent = \"cursor\"\n\n[profiles.y]\nagent = \"codex\"\nargs = [1, 2]\n\n[routing]\nmin_runs = 0\n\n[routing.roles.review]\nmax_cost_usd = \"cheap\"\n");
        var warnings = new List<DiscoveryWarning>();

        var config = new AgentDeckConfigReader(home.Environment).Read(warnings);

        Assert.Equal(["y"], config.Profiles.Select(profile => profile.Name));
        Assert.Empty(config.Profiles[0].ExtraArguments);
        Assert.Equal(RoutingDefaults.MinRuns, config.Policy.MinCalibrationRuns);
        Assert.Null(config.Policy.For("review").MaxCostUsd);
        Assert.Equal([2, 6, 9, 12], warnings.Select(warning => warning.Line ?? 0));
        Assert.All(warnings, warning => Assert.Equal(path, warning.Source));
    }

    [Fact]
    public void Given_no_config_files_When_read_Then_defaults_and_no_warning()
    {
        using var home = new TempHome();
        var warnings = new List<DiscoveryWarning>();

        var config = new AgentDeckConfigReader(home.Environment).Read(warnings);

        Assert.Empty(config.Profiles);
        Assert.Empty(warnings);
        Assert.Equal(5, config.Policy.MinCalibrationRuns);
    }

    private static class RoutingDefaults
    {
        public const int MinRuns = AgentDeck.Core.Routing.RoutingPolicy.DefaultMinCalibrationRuns;
    }
}
