using System.Text.Json;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Routing;
using AgentDeck.Discovery.Tests.Doctor;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Routing;

public sealed class AgentDeckDiscoveryTests
{
    private const string Secret = "sk-never-printed";

    private static TempHome MachineWithEverything()
    {
        var home = new TempHome(new Dictionary<string, string> { ["OPENAI_API_KEY"] = Secret });
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "GLM", $$$"""{"env":{"ANTHROPIC_BASE_URL":"https://glm","ANTHROPIC_AUTH_TOKEN":"{{{Secret}}}","ANTHROPIC_MODEL":"glm-4.6"}}""", isCurrent: true);
        CcSwitchDatabase.AddProvider(db, "proxy", "codex", "Proxy", $$$"""{"auth":{"OPENAI_API_KEY":"{{{Secret}}}"},"config":"model_provider = \"custom\"\nmodel = \"gpt-5\"\n[model_providers.custom]\nbase_url = \"https://proxy/v1\"\n"}""");
        home.Write(".claude/settings.json", $$$"""{"env":{"ANTHROPIC_BASE_URL":"https://glm","ANTHROPIC_AUTH_TOKEN":"{{{Secret}}}","ANTHROPIC_MODEL":"glm-4.6"}}""");
        home.Write(".codex/config.toml", "model = \"gpt-5.1-codex\"\n");
        home.Write(".config/agentdeck/config.toml", """
            [profiles.deep]
            agent = "codex"
            model = "gpt-5"
            effort = "high"

            [routing.roles.review]
            profile = "deep"

            [routing.roles.implementation]
            max_cost_usd = 0.10
            fallback = "deep"
            """);
        return home;
    }

    [Fact]
    public void Given_a_configured_machine_When_loaded_Then_profiles_from_every_source_and_no_warnings()
    {
        using var home = MachineWithEverything();

        var discovery = AgentDeckDiscovery.Load(home.Environment, TimeSpan.FromSeconds(1));

        Assert.Empty(discovery.Warnings);
        Assert.Equal(
            [ProfileSource.AgentDeck, ProfileSource.CcSwitch, ProfileSource.CcSwitch, ProfileSource.ClaudeSettings, ProfileSource.CodexConfig],
            discovery.Profiles.Profiles.Select(profile => profile.Source));
        var json = DiscoveryJson.Serialize(discovery.Profiles);
        Assert.DoesNotContain(Secret, json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("agentDeck", parsed.RootElement.GetProperty("profiles")[0].GetProperty("source").GetString());
    }

    [Fact]
    public void Given_a_configured_machine_When_routing_Then_policy_and_live_setup_shape_the_plan()
    {
        using var home = MachineWithEverything();
        var discovery = AgentDeckDiscovery.Load(home.Environment, TimeSpan.FromSeconds(1));
        var router = discovery.CreateRouter();
        var installed = AgentDeckDiscovery.InstalledAgents(new FakeLocator("claude", "codex"));

        var candidates = router.Candidates(discovery.Profiles, installed);
        var plan = router.Plan(discovery.Profiles, installed, []);

        // Claude's live setup points at GLM, so the traits file's Claude models are not offered; Codex talks to OpenAI.
        Assert.DoesNotContain(candidates, candidate => candidate.Model == "claude-opus-4-5");
        // The live settings file already selects GLM, so that profile wins over the CC-Switch copy (applying it adds nothing).
        Assert.Contains(new RoutingCandidate(AgentKind.Claude, "glm-4.6", "claude-settings"), candidates);
        Assert.Contains(new RoutingCandidate(AgentKind.Codex, "gpt-5", "deep"), candidates);
        Assert.True(candidates.Any(candidate => candidate is { Agent: AgentKind.Codex, Model: "gpt-5-mini", Profile: null }), string.Join(" ", candidates));
        Assert.DoesNotContain(candidates, candidate => candidate.Agent == AgentKind.Gemini);

        Assert.Equal(7, plan.Decisions.Count);
        var review = plan.For("review")!;
        Assert.Equal(new RoutingCandidate(AgentKind.Codex, "gpt-5", "deep"), review.Choice);
        Assert.StartsWith("pinned to profile deep", review.Reason);
        var implementation = plan.For("implementation")!;
        Assert.True(implementation.ExpectedCostUsd is null or <= 0.10m, implementation.Reason);
        Assert.Equal("deep", implementation.Fallback?.Profile);
        Assert.All(RoutingPlanPresenter.Rows(plan), row => Assert.DoesNotContain(Secret, row.ToString()));
        Assert.DoesNotContain(Secret, DiscoveryJson.Serialize(plan));
    }

    [Fact]
    public void Given_a_decision_When_applied_Then_the_worker_gets_its_profile_by_env_and_flags_only()
    {
        using var home = MachineWithEverything();
        var discovery = AgentDeckDiscovery.Load(home.Environment, TimeSpan.FromSeconds(1));
        var before = Directory.GetFiles(home.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => path, path => File.GetLastWriteTimeUtc(path));

        var deep = RoutingService.Application(
            new RouteDecision("review", RolePermission.ReadOnly, new RoutingCandidate(AgentKind.Codex, "gpt-5", "deep"), null, 1, "r", null),
            discovery.Profiles)!;
        var proxy = RoutingService.Application(
            new RouteDecision("ops", RolePermission.ReadOnly, new RoutingCandidate(AgentKind.Codex, "gpt-5", "Proxy"), null, 1, "r", null),
            discovery.Profiles)!;
        var bare = RoutingService.Application(
            new RouteDecision("ops", RolePermission.ReadOnly, new RoutingCandidate(AgentKind.Codex, "gpt-5-mini", null), null, 1, "r", null),
            discovery.Profiles)!;

        Assert.Equal(["-c", "model=\"gpt-5\"", "-c", "model_reasoning_effort=\"high\""], deep.Arguments);
        Assert.Equal(Secret, proxy.Environment["OPENAI_API_KEY"]);
        Assert.Contains("model_providers.custom.base_url=\"https://proxy/v1\"", proxy.Arguments);
        Assert.Equal(["-c", "model=\"gpt-5-mini\""], bare.Arguments);
        Assert.Equal(before, Directory.GetFiles(home.Root, "*", SearchOption.AllDirectories).ToDictionary(path => path, path => File.GetLastWriteTimeUtc(path)));
    }

    [Fact]
    public void Given_a_model_the_agent_rejected_When_planning_again_Then_routing_avoids_it()
    {
        using var home = MachineWithEverything();
        var discovery = AgentDeckDiscovery.Load(home.Environment, TimeSpan.FromSeconds(1));
        var router = discovery.CreateRouter();
        var installed = new HashSet<AgentKind> { AgentKind.Codex };

        router.RecordRejectedModel(AgentKind.Codex, "gpt-5", "model_not_found");
        var review = router.Route("review", discovery.Profiles, installed, [])!;

        Assert.Null(review.Choice);
        Assert.Contains("pinned profile deep is not usable: model_not_found", review.Reason);
        Assert.NotEqual("gpt-5", router.Route("security", discovery.Profiles, installed, [])!.Choice?.Model);
        Assert.Null(router.Route("no-such-role", discovery.Profiles, installed, []));
    }
}
