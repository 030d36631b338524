namespace AgentDeck.EndToEnd.Tests;

[Collection(AgentCliCollection.Name)]
public sealed class CodexEndToEndTests(AgentCliFixture fixture)
{
    [Fact]
    public async Task Given_the_plain_scenario_When_codex_runs_Then_the_json_lines_end_with_turn_completed()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunAsync(fixture, sandbox, "Say hello [[S:plain]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("thread.started", (string?)lines.Lines[0]["type"]);
        var message = lines.OfType("item.completed").Single(l => (string?)l["item"]!["type"] == "agent_message");
        Assert.Equal("Hello from mock model.", (string?)message["item"]!["text"]);
        var completed = lines.Lines[^1];
        Assert.Equal("turn.completed", (string?)completed["type"]);
        Assert.Equal(1500, (int)completed["usage"]!["cached_input_tokens"]!);
    }

    [Fact]
    public async Task Given_the_tools_scenario_When_codex_runs_Then_it_patches_runs_and_edits_in_the_repo()
    {
        using var sandbox = await Sandbox.CreateAsync();

        const string prompt = "Make hello.txt [[S:tools]]";
        var run = await CodexCli.RunAsync(fixture, sandbox, prompt, "-s", "workspace-write");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["agent_message", "file_change", "command_execution", "file_change", "agent_message"], lines.CodexCompletedItems());
        Assert.Equal("hello mock\n", sandbox.ReadRepoFile("hello.txt"));
        var command = lines.OfType("item.completed").Single(l => (string?)l["item"]!["type"] == "command_execution")["item"]!;
        Assert.Equal(0, (int)command["exit_code"]!);
        Assert.Contains("hello world", (string?)command["aggregated_output"]);
        Assert.Equal("turn.completed", (string?)lines.Lines[^1]["type"]);
        var steps = fixture.Mock.Requests.Records.Where(r => r.LastUserText == prompt).Select(r => (r.Scenario, r.StepNumber, r.Status));
        Assert.Equal([("tools", 1, 200), ("tools", 2, 200), ("tools", 3, 200), ("tools", 4, 200)], steps);
    }

    [Fact]
    public async Task Given_a_model_codex_does_not_know_When_it_runs_the_tools_scenario_Then_shell_commands_write_and_edit_the_file()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunWithModelAsync(fixture, sandbox, "mock-model", "Make hello.txt without apply_patch [[S:tools]]", "-s", "workspace-write");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("hello mock\n", sandbox.ReadRepoFile("hello.txt"));
        Assert.Contains(lines.OfType("item.completed"), l => ((string?)l["item"]!["message"])?.Contains("mock-model") == true);
        Assert.Equal("turn.completed", (string?)lines.Lines[^1]["type"]);
    }

    [Fact]
    public async Task Given_a_stream_cut_every_time_When_codex_runs_Then_the_turn_fails_as_disconnected()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunAsync(fixture, sandbox, "Cut [[S:errstream]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("stream disconnected before completion", (string?)lines.Lines[^1]["error"]!["message"]);
    }

    [Fact]
    public async Task Given_the_deny_scenario_in_a_read_only_sandbox_When_codex_runs_Then_nothing_is_written()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunAsync(fixture, sandbox, "Try to write [[S:deny]]", "-s", "read-only");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "denied.txt")));
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "x.txt")));
        Assert.Equal("I could not write the file because permission was denied.", (string?)lines.OfType("item.completed").Last()["item"]!["text"]);
        Assert.Equal("turn.completed", (string?)lines.Lines[^1]["type"]);
    }

    [Fact]
    public async Task Given_a_500_every_time_When_codex_runs_Then_the_turn_fails_with_exit_1()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunAsync(fixture, sandbox, "Fail [[S:err500]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Equal("turn.failed", (string?)lines.Lines[^1]["type"]);
        Assert.NotEmpty(lines.OfType("error"));
    }

    [Fact]
    public async Task Given_one_500_then_an_answer_When_codex_runs_Then_it_recovers()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunAsync(fixture, sandbox, "Recover [[S:err500x1]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        var message = lines.OfType("item.completed").Single(l => (string?)l["item"]!["type"] == "agent_message");
        Assert.Equal("Recovered after 1 failures.", (string?)message["item"]!["text"]);
        Assert.Equal("turn.completed", (string?)lines.Lines[^1]["type"]);
    }

    [Fact]
    public async Task Given_an_unknown_scenario_When_codex_runs_Then_the_mock_400_text_reaches_turn_failed()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await CodexCli.RunAsync(fixture, sandbox, "Huh [[S:no-such-scenario]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("unknown scenario 'no-such-scenario'", (string?)lines.Lines[^1]["error"]!["message"]);
    }
}
