using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// Discovery and routing with the real CLIs against the mock: bench-model records calibration data, a model the API
/// refuses ends the run model_rejected and routing stops choosing it, and a failed run escalates to its role's fallback.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class RoutingThroughDeckTests(AgentCliFixture fixture)
{
    private const string BenchTasks = """
        estimate: { input_tokens: 1000, output_tokens: 100 }
        tasks:
          - name: create-file
            role: implementation
            permission: write
            prompt: "Create greeting.txt [[S:bench-write]]"
            check: { file: greeting.txt, contains: hello from the bench }
          - name: fix-bug
            role: implementation
            permission: write
            files: { calc.py: "def add(a, b):\n    return a - b\n" }
            prompt: "Fix add() in calc.py [[S:bench-wrong]]"
            check: { file: calc.py, contains: "return a + b" }
          - name: read-answer
            role: review
            permission: read-only
            prompt: "Name the blocker [[S:bench-answer]]"
            check: { final_text: "\\bBANANA\\b" }
        """;

    [Theory]
    [InlineData("claude", "claude-haiku-4-5")]
    [InlineData("codex", CodexCli.KnownModel)]
    public async Task Given_a_profile_When_bench_model_runs_with_yes_Then_each_task_is_a_ledger_run_and_a_false_success_is_a_check_failure(string agent, string model)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.WriteUserConfigAsync($"[profiles.bench]\nagent = \"{agent}\"\nmodel = \"{model}\"\n");
        var tasks = Path.Combine(sandbox.Root, "tasks.yaml");
        await File.WriteAllTextAsync(tasks, BenchTasks);

        var refused = await deck.CliAsync("bench-model", "--profile", "bench", "--tasks", tasks);
        var bench = await deck.CliAsync("bench-model", "--profile", "bench", "--tasks", tasks, "--yes");
        var runs = JsonNode.Parse((await deck.SucceedAsync("runs", "--json")).Stdout)!.AsArray().Select(r => r!.AsObject()).ToList();
        var calibration = JsonNode.Parse((await deck.SucceedAsync("calibrate", "--json")).Stdout)!.AsArray();

        Assert.True(refused.ExitCode == 2, refused.Describe());
        Assert.Contains("spends tokens", refused.Stdout + refused.Stderr, StringComparison.Ordinal);
        Assert.True(bench.ExitCode == 0, bench.Describe());
        Assert.Contains("2 of 3 task(s) passed their checks", bench.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, runs.Count);
        Assert.All(runs, run => Assert.Equal(("bench", agent), ((string?)run["profile"], (string?)run["agent"])));
        var fix = runs.Single(r => ((string?)r["prompt"])!.Contains("calc.py", StringComparison.Ordinal));
        Assert.Equal(("failed", "check_failed"), (Deck.Status(fix), (string?)fix["failure_reason"]));
        Assert.Equal(2, runs.Count(r => Deck.Status(r) == "succeeded"));
        var implementation = calibration.Single(row => (string?)row!["role"] == "implementation")!;
        Assert.Equal((2, 1), ((int)implementation["stats"]!["runs"]!, (int)implementation["stats"]!["successes"]!));
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    public async Task Given_a_profile_naming_a_model_the_api_rejects_When_run_Then_it_fails_model_rejected_and_route_avoids_it(string agent)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.WriteUserConfigAsync($"""
            [profiles.bogus]
            agent = "{agent}"
            model = "bogus-model"

            [routing.roles.review]
            profile = "bogus"
            """);

        var before = await RouteAsync(deck, "review");
        var id = await deck.RunDetachedAsync(agent, "Hi [[S:badmodel]]", "--profile", "bogus", "--role", "review");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var after = await RouteAsync(deck, "review");
        var profiles = await deck.SucceedAsync("profiles");

        Assert.Equal("bogus-model", (string?)before["choice"]?["model"]);
        Assert.Equal(("failed", "model_rejected"), (Deck.Status(run), (string?)run["failure_reason"]));
        Assert.Null(after["choice"]);
        Assert.Contains($"{agent} rejected bogus-model in run {id}", (string?)after["reason"], StringComparison.Ordinal);
        Assert.Contains("profile bogus", profiles.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claude", "claude-haiku-4-5", 400)]
    [InlineData("codex", CodexCli.KnownModel, null)] // Codex's app-server passes on the message, not the HTTP status
    public async Task Given_a_bad_request_that_is_not_about_the_model_When_run_Then_it_is_an_api_error_with_its_status_and_routing_keeps_the_model(
        string agent, string model, int? httpStatus)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.WriteUserConfigAsync($"""
            [profiles.work]
            agent = "{agent}"
            model = "{model}"

            [routing.roles.review]
            profile = "work"
            """);

        var id = await deck.RunDetachedAsync(agent, "Hi [[S:no-such-scenario]]", "--profile", "work", "--role", "review");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var after = await RouteAsync(deck, "review");
        var doctor = await deck.CliAsync("doctor");

        // The mock answers HTTP 400 "unknown scenario": a bad request, not a refused model.
        Assert.Equal(("failed", "api_error"), (Deck.Status(run), (string?)run["failure_reason"]));
        Assert.Equal(httpStatus, (int?)run["http_status"]);
        Assert.Contains("unknown scenario", (string?)run["failure_detail"], StringComparison.Ordinal);
        Assert.Equal(model, (string?)after["choice"]?["model"]);
        Assert.DoesNotContain("rejected", doctor.Stdout + doctor.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_codex_profile_file_When_a_worker_runs_on_it_Then_its_settings_reach_codex_app_server_as_overrides()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await File.WriteAllTextAsync(Path.Combine(sandbox.Home, ".codex", "refused.config.toml"), "model = \"bogus-from-file\"\n");

        var id = await deck.RunDetachedAsync("codex", "Hi [[S:badmodel]]", "--profile", "refused");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        // Only the profile file names bogus-from-file: the mock refusing it proves the file's model reached Codex.
        Assert.Equal(("failed", "model_rejected"), (Deck.Status(run), (string?)run["failure_reason"]));
        Assert.Contains("bogus-from-file", File.ReadAllText(deck.RunFile(id, "stdout.log")) + File.ReadAllText(deck.RunFile(id, "stderr.log")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_role_with_a_fallback_When_its_run_fails_with_500s_Then_the_fallback_runs_as_a_child_and_succeeds()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.WriteUserConfigAsync("""
            [profiles.fast]
            agent = "claude"
            model = "mock-fast"

            [profiles.deep]
            agent = "claude"
            model = "mock-deep"

            [routing.roles.implementation]
            fallback = "deep"
            """);

        var id = await deck.RunDetachedAsync("claude", $"Fix it [[S:{AgentCliFixture.EscalateScenario}]]", "--profile", "fast", "--role", "implementation");
        await deck.WaitAsync(id);
        var parent = await deck.UntilAsync(id, s => s["escalated_to"] is not null, "escalated to the fallback");
        var childId = (string)parent["escalated_to"]!;
        var (wait, _) = await deck.WaitAsync(childId);
        var child = await deck.ShowAsync(childId);
        var exported = await deck.SucceedAsync("export", id);

        Assert.Equal(("failed", "api_error"), (Deck.Status(parent), (string?)parent["failure_reason"]));
        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal(("succeeded", id, "deep", "implementation"), (Deck.Status(child), (string?)child["parent_run"], (string?)child["profile"], (string?)child["role"]));
        Assert.Equal("mock-deep", (string?)child["model"]);
        Assert.Equal("Done by the fallback model.", (string?)child["final_text"]);
        Assert.Null(child["escalated_to"]);
        Assert.Contains($"escalated to run {childId}", exported.Stdout, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> RouteAsync(Deck deck, string role) =>
        JsonNode.Parse((await deck.SucceedAsync("route", "--role", role, "--json")).Stdout)!["decisions"]!.AsArray().Single()!.AsObject();
}
