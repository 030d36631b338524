using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// Routing applied with the real CLIs against the mock: a role without an agent runs its route, a role with an agent
/// takes the route's model for it, the route is recorded on the run; a read-only run whose writes were denied says so
/// everywhere and is not a success for calibration.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class RoutedRunsThroughDeckTests(AgentCliFixture fixture)
{
    [Theory]
    [InlineData("review")]
    [InlineData("implementation")]
    public async Task Given_a_role_and_no_agent_When_run_Then_the_worker_runs_on_the_route_and_records_it(string role)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var planned = await RouteAsync(deck, role);
        var id = (await deck.SucceedAsync("run", "--role", role, "--detach", deck.Unique("Hi [[S:plain]]"))).Stdout.Trim();
        var (wait, _) = await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var status = await deck.SucceedAsync("status", id);

        var choice = planned["choice"]!;
        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal(((string?)choice["agent"], (string?)choice["model"], (string?)choice["profile"]),
            ((string?)run["agent"], (string?)run["model"], (string?)run["profile"]));
        Assert.Equal(((string?)choice["agent"], (string?)choice["model"]), ((string?)run["route"]!["agent"], (string?)run["route"]!["model"]));
        Assert.StartsWith($"best of ", (string?)run["route"]!["reason"], StringComparison.Ordinal);
        Assert.Contains($"route    {choice["agent"]}/{choice["model"]}", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_default_plan_Then_codex_wins_a_role_and_the_other_agent_is_named_in_each_reason()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var plan = JsonNode.Parse((await deck.SucceedAsync("route", "--team", "review,security,implementation", "--json")).Stdout)!["decisions"]!.AsArray();

        Assert.Equal(["review", "security", "implementation"], plan.Select(d => (string?)d!["role"]));
        Assert.Contains(plan, d => (string?)d!["choice"]?["agent"] == "codex");
        Assert.All(plan, d => Assert.Matches("best (claude|codex): ", (string?)d!["reason"]));
    }

    [Fact]
    public async Task Given_claude_and_a_role_When_run_without_a_model_Then_claude_is_asked_for_the_routes_model()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.WriteUserConfigAsync("[routing.roles.ops]\nforbid = [\"claude-opus-4-5\", \"claude-sonnet-4-5\"]\n");

        var planned = await RouteForAgentAsync(deck, "ops", "claude");
        var id = await deck.RunDetachedAsync("claude", "Hi [[S:plain]]", "--role", "ops");
        await deck.WaitAsync(id);
        var session = (await deck.EventsAsync(id)).OfKind("session_started").Single();

        // Claude's own init line names the model it was started with: the route's, not the CLI's default.
        Assert.Equal(planned, (string?)session["model"]);
        Assert.Equal(planned, (string?)(await deck.ShowAsync(id))["route"]!["model"]);
    }

    [Fact]
    public async Task Given_a_role_every_model_of_which_is_forbidden_When_run_Then_it_exits_1_naming_each_candidate_and_no_run_is_created()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.WriteUserConfigAsync("[routing.roles.review]\nmax_cost_usd = 0.01\nforbid = [\"gpt-5.5\"]\n");

        var result = await deck.CliAsync("run", "--role", "review", "--detach", deck.Unique("Hi [[S:plain]]"));
        var runs = JsonNode.Parse((await deck.SucceedAsync("runs", "--json")).Stdout)!.AsArray();

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.StartsWith("agentdeck: role review has no route: every candidate was excluded", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  codex/gpt-5.5 (codex-config): forbidden by the routing policy", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  claude/claude-opus-4-5: ~$0.625/run is over the $0.01 cap", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(runs);
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    public async Task Given_a_read_only_role_When_the_agent_tries_to_write_Then_the_denied_calls_show_everywhere_and_calibration_discounts_the_run(string agent)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync(agent, "[[S:tools]] create hello.txt", "--role", "review");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var status = await deck.SucceedAsync("status", id);
        var runs = await deck.SucceedAsync("runs");
        var calibrate = await deck.SucceedAsync("calibrate");
        var review = JsonNode.Parse((await deck.SucceedAsync("calibrate", "--json")).Stdout)!.AsArray().Single(r => (string?)r!["role"] == "review")!;

        var denied = (int)run["denied_tool_calls"]!;
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "hello.txt")));
        Assert.Equal("succeeded", Deck.Status(run));
        Assert.True(denied >= 1, run.ToJsonString());
        Assert.Contains($"status   succeeded, {denied} denied", status.Stdout, StringComparison.Ordinal);
        Assert.Contains($"succeeded, {denied} denied", runs.Stdout, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), ((int)review["stats"]!["runs"]!, (int)review["stats"]!["successes"]!, (int)review["stats"]!["discounted"]!));
        Assert.Contains("1 run(s) ended succeeded with denied tool calls and are not counted as successes", calibrate.Stdout, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> RouteAsync(Deck deck, string role) =>
        JsonNode.Parse((await deck.SucceedAsync("route", "--role", role, "--json")).Stdout)!["decisions"]!.AsArray().Single()!.AsObject();

    /// <summary>The model the plan's candidates for one agent would give the role: its best-scored verdict.</summary>
    private static async Task<string> RouteForAgentAsync(Deck deck, string role, string agent)
    {
        var considered = (await RouteAsync(deck, role))["considered"]!.AsArray();
        return considered
            .Where(v => (string?)v!["candidate"]!["agent"] == agent && v["score"] is not null)
            .OrderByDescending(v => (double)v!["score"]!)
            .Select(v => (string)v!["candidate"]!["model"]!)
            .First();
    }
}
