namespace AgentDeck.EndToEnd.Tests;

/// <summary>The real Claude Code under <c>agentdeck run</c>: its stream-json goes through AgentDeck's parser into the ledger.</summary>
[Collection(AgentCliCollection.Name)]
public sealed class ClaudeThroughDeckTests(AgentCliFixture fixture)
{
    [Fact]
    public async Task Given_the_plain_scenario_When_agentdeck_runs_claude_Then_the_ledger_holds_the_answer_tokens_and_session()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("claude", "Say hello [[S:plain]]");
        var (wait, _) = await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Equal("Hello from mock model.", (string?)run["final_text"]);
        Assert.Equal(120, (int)run["tokens"]!["input"]!);
        Assert.False(string.IsNullOrEmpty((string?)run["session_id"]));
        Assert.True((double?)run["cost_usd"] > 0, run.ToJsonString());
    }

    [Fact]
    public async Task Given_the_tools_scenario_with_write_When_agentdeck_runs_claude_Then_the_file_changes_and_the_ledger_has_the_calls_and_paths()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("claude", "Make hello.txt [[S:tools]]", "--write");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Equal("hello mock\n", sandbox.ReadRepoFile("hello.txt"));
        Assert.Equal(["Write", "Bash", "Edit"], events.ToolNames());
        Assert.Contains(events.ToolPaths(), p => p.EndsWith("hello.txt", StringComparison.Ordinal));
        Assert.Contains(run.FilesTouched(), f => f.EndsWith("hello.txt", StringComparison.Ordinal));
        Assert.Equal(3, (int)run["tool_calls"]!);
    }

    [Fact]
    public async Task Given_the_deny_scenario_read_only_When_agentdeck_runs_claude_in_dontAsk_Then_the_denials_are_recorded_and_nothing_is_written()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("claude", "Try to write [[S:deny]]");
        await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "denied.txt")));
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "x.txt")));
        Assert.Contains(events.OfKind("permission_denied"), d => (string?)d["tool_name"] == "Write");
        Assert.Equal("I could not write the file because permission was denied.", (string?)(await deck.ShowAsync(id))["final_text"]);
    }

    [Fact]
    public async Task Given_a_500_every_time_When_agentdeck_runs_claude_Then_the_run_fails_as_an_api_error_after_the_retries()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("claude", "Fail [[S:err500]]");
        var (wait, _) = await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.Equal(1, wait.ExitCode);
        Assert.Equal(("failed", "api_error"), (Deck.Status(run), (string?)run["failure_reason"]));
        Assert.Equal(2, events.OfKind("api_retry").Count());
        Assert.Contains(events.OfKind("api_error"), e => (int?)e["http_status"] == 500);
    }

    [Fact]
    public async Task Given_a_401_every_time_When_agentdeck_run_follows_claude_Then_each_retry_shows_as_the_phase()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var run = await deck.CliAsync("run", "--agent", "claude", deck.Unique("Fail [[S:err401]]"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[running (retrying: API 401, attempt 1 of 2)]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[running (retrying: API 401, attempt 2 of 2)]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_one_500_then_an_answer_When_agentdeck_runs_claude_Then_one_retry_is_recorded_and_the_run_succeeds()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("claude", "Recover [[S:err500x1]]");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Single((await deck.EventsAsync(id)).OfKind("api_retry"));
        Assert.Equal("Recovered after 1 failures.", (string?)run["final_text"]);
    }

    [Fact]
    public async Task Given_a_finished_run_When_it_is_resumed_Then_the_session_id_is_kept_and_the_new_run_counts_only_its_own_turn()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var first = await deck.RunDetachedAsync("claude", "Say hello [[S:plain]]");
        await deck.WaitAsync(first);

        var resumed = (await deck.SucceedAsync("resume", first, "Go on [[S:resume]]", "--detach")).Stdout.Trim();
        await deck.WaitAsync(resumed);
        var before = await deck.ShowAsync(first);
        var after = await deck.ShowAsync(resumed);

        Assert.Equal("succeeded", Deck.Status(after));
        Assert.Equal("Resumed: I remember the earlier conversation.", (string?)after["final_text"]);
        Assert.Equal((string?)before["session_id"], (string?)after["session_id"]);
        Assert.Equal(first, (string?)after["parent_run"]);
        var turn = RawResult(deck, resumed);
        Assert.Equal((int)turn["usage"]!["input_tokens"]!, (int)after["tokens"]!["input"]!);
        Assert.Equal((int)turn["usage"]!["output_tokens"]!, (int)after["tokens"]!["output"]!);
        Assert.Equal((int)before["tokens"]!["input"]!, (int)after["tokens"]!["input"]!);
        // Claude reports the session's cumulative cost on resume; the ledger keeps only this turn's share.
        Assert.Equal(Math.Round((decimal)turn["total_cost_usd"]!, 8), Math.Round((decimal)before["cost_usd"]! + (decimal)after["cost_usd"]!, 8));
        Assert.True((decimal)after["cost_usd"]! < (decimal)turn["total_cost_usd"]!, after.ToJsonString());
    }

    [Fact]
    public async Task Given_a_running_tool_When_agentdeck_steers_claude_Then_the_message_lands_in_the_same_turn_with_one_result()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var id = await deck.RunDetachedAsync("claude", "Sleep first [[S:steer]]", "--write");
        await deck.UntilToolStartedAsync(id);

        await deck.SucceedAsync("steer", id, "Change of plan [[S:steer2]]");
        await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);
        var raw = await File.ReadAllLinesAsync(deck.RunFile(id, "stdout.log"));

        var run = await deck.ShowAsync(id);

        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Single(raw, l => (string?)System.Text.Json.Nodes.JsonNode.Parse(l)?["type"] == "result");
        Assert.Single(events.OfKind("turn_completed"));
        Assert.True((string?)run["final_text"] == "Got your second message; switching to the new instruction.", string.Join('\n', raw));
        // What the person said is in the ledger, with who sent it, and in the report.
        var steer = Assert.Single(events.OfKind("steer"));
        Assert.Equal(("Change of plan [[S:steer2]]", "cli"), ((string?)steer["text"], (string?)steer["from"]));
        var report = (await deck.SucceedAsync("export", id, "--format", "md")).Stdout;
        Assert.Contains("steered from cli: Change of plan [[S:steer2]]", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_slow_turn_When_agentdeck_interrupts_claude_Then_the_run_ends_interrupted_before_the_answer_completes()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var id = await deck.RunDetachedAsync("claude", "Go slowly [[S:slow]]");
        await deck.UntilAsync(id, s => Deck.Status(s) == "running", "running");

        await deck.SucceedAsync("interrupt", id);
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Equal("interrupted", Deck.Status(run));
        Assert.DoesNotContain("about six seconds", (string?)run["final_text"] ?? "");
        // Claude answered AgentDeck's control_request (subtype interrupt) on stdout.
        Assert.Contains(File.ReadLines(deck.RunFile(id, "stdout.log")), l => (string?)System.Text.Json.Nodes.JsonNode.Parse(l)?["type"] == "control_response");
    }

    private static System.Text.Json.Nodes.JsonObject RawResult(Deck deck, string runId) =>
        File.ReadLines(deck.RunFile(runId, "stdout.log"))
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject())
            .Single(l => (string?)l["type"] == "result");
}
