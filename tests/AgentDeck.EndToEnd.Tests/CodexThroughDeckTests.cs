namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// The real Codex under <c>agentdeck run</c>: new workers talk JSON-RPC to <c>codex app-server</c>, resumes run
/// <c>codex exec resume</c>; AgentDeck's parser fills the ledger.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class CodexThroughDeckTests(AgentCliFixture fixture)
{
    [Fact]
    public async Task Given_the_plain_scenario_When_agentdeck_runs_codex_Then_the_ledger_holds_the_answer_tokens_and_session()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("codex", "Say hello [[S:plain]]");
        var (wait, _) = await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Equal("Hello from mock model.", (string?)run["final_text"]);
        Assert.Equal(1500, (int)run["tokens"]!["cached_input"]!);
        Assert.False(string.IsNullOrEmpty((string?)run["session_id"]));
    }

    [Fact]
    public async Task Given_the_tools_scenario_with_write_When_agentdeck_runs_codex_Then_the_file_changes_and_the_ledger_has_the_calls_and_paths()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("codex", "Make hello.txt [[S:tools]]", "--write");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Equal("hello mock\n", sandbox.ReadRepoFile("hello.txt"));
        Assert.True(events.ToolNames().Count >= 3, events.Describe());
        Assert.Contains(events.ToolPaths(), p => p.EndsWith("hello.txt", StringComparison.Ordinal));
        Assert.Contains(run.FilesTouched(), f => f.EndsWith("hello.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_deny_scenario_When_agentdeck_runs_codex_in_the_read_only_sandbox_Then_nothing_is_written_and_the_refusal_is_recorded()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("codex", "Try to write [[S:deny]]");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "denied.txt")));
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "x.txt")));
        // Under the read-only sandbox nobody is asked, so no call is "declined" and Codex sends no item for it (so no
        // permission_denied event): it rejects the patch with a stderr log line, which the ledger keeps as a notice; a
        // shell write, when the model gets that far, fails on the read-only file system as a failed tool call.
        var refusals = events.OfKind("notice").Where(n => ((string?)n["message"])?.Contains("writing is blocked by read-only sandbox") == true)
            .Concat(events.OfKind("tool_call_finished").Where(t => (bool)t["is_error"]! && ((string?)t["output_summary"])?.Contains("Read-only file system") == true));
        Assert.True(refusals.Any(), events.Describe());
        Assert.Equal("I could not write the file because permission was denied.", (string?)run["final_text"]);
    }

    [Fact]
    public async Task Given_a_500_every_time_When_agentdeck_runs_codex_Then_the_run_fails_as_an_api_error()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("codex", "Fail [[S:err500]]");
        var (wait, _) = await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Equal(1, wait.ExitCode);
        Assert.Equal(("failed", "api_error"), (Deck.Status(run), (string?)run["failure_reason"]));
        Assert.NotEmpty((await deck.EventsAsync(id)).OfKind("api_error"));
    }

    [Fact]
    public async Task Given_one_500_then_an_answer_When_agentdeck_runs_codex_Then_the_run_succeeds()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("codex", "Recover [[S:err500x1]]");
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Equal("Recovered after 1 failures.", (string?)run["final_text"]);
    }

    [Fact]
    public async Task Given_a_finished_run_When_it_is_resumed_Then_the_thread_id_is_kept_and_the_new_run_counts_only_its_own_turn()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var first = await deck.RunDetachedAsync("codex", "Say hello [[S:plain]]");
        await deck.WaitAsync(first);

        var resumed = (await deck.SucceedAsync("resume", first, "Go on [[S:resume]]", "--detach")).Stdout.Trim();
        await deck.WaitAsync(resumed);
        var before = await deck.ShowAsync(first);
        var after = await deck.ShowAsync(resumed);

        Assert.Equal("succeeded", Deck.Status(after));
        Assert.Equal("Resumed: I remember the earlier conversation.", (string?)after["final_text"]);
        Assert.Equal((string?)before["session_id"], (string?)after["session_id"]);
        Assert.Equal(before["tokens"]!.ToJsonString(), after["tokens"]!.ToJsonString());
    }

    [Fact]
    public async Task Given_a_running_tool_When_agentdeck_steers_codex_Then_turn_steer_lands_in_the_same_turn()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var id = await deck.RunDetachedAsync("codex", "Sleep first [[S:steer]]", "--write");
        await deck.UntilToolStartedAsync(id);

        await deck.SucceedAsync("steer", id, "Change of plan [[S:steer2]]");
        await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Equal("succeeded", Deck.Status(run));
        Assert.Single(events.OfKind("turn_started"));
        Assert.Single(events.OfKind("turn_completed"));
        Assert.Contains(events.OfKind("user_message"), m => ((string?)m["text"])?.Contains("Change of plan") == true);
        Assert.True((string?)run["final_text"] == "Got your second message; switching to the new instruction.", events.Describe());
    }

    [Fact]
    public async Task Given_a_slow_turn_When_agentdeck_interrupts_codex_Then_turn_interrupt_ends_the_run_interrupted()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var id = await deck.RunDetachedAsync("codex", "Go slowly [[S:slow]]");
        await deck.UntilAsync(id, s => Deck.Status(s) == "running", "running");

        await deck.SucceedAsync("interrupt", id);
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Equal("interrupted", Deck.Status(run));
        Assert.DoesNotContain("about six seconds", (string?)run["final_text"] ?? "");
        // The app-server ended the turn itself after turn/interrupt: its turn/completed says so.
        Assert.Contains(File.ReadLines(deck.RunFile(id, "stdout.log")), l => l.Contains("\"turn/completed\"") && l.Contains("\"interrupted\""));
    }
}
