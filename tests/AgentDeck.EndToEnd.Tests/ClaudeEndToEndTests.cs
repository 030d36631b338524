namespace AgentDeck.EndToEnd.Tests;

[Collection(AgentCliCollection.Name)]
public sealed class ClaudeEndToEndTests(AgentCliFixture fixture)
{
    [Fact]
    public async Task Given_the_plain_scenario_When_claude_runs_Then_stream_json_ends_with_a_successful_result()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Say hello [[S:plain]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        var init = lines.Lines[0];
        Assert.Equal(("system", "init"), ((string?)init["type"], (string?)init["subtype"]));
        Assert.Equal(sandbox.Repo, (string?)init["cwd"]);
        var result = lines.Lines[^1];
        Assert.Equal("result", (string?)result["type"]);
        Assert.False((bool)result["is_error"]!, run.Describe());
        Assert.Equal("Hello from mock model.", (string?)result["result"]);
        Assert.Equal(120, (int)result["usage"]!["input_tokens"]!);
    }

    [Fact]
    public async Task Given_the_tools_scenario_When_claude_runs_Then_it_writes_runs_and_edits_in_the_repo()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Make hello.txt [[S:tools]]", "--permission-mode", "acceptEdits", "--allowedTools", "Bash");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["Write", "Bash", "Edit"], lines.ClaudeToolCalls());
        Assert.Equal("hello mock\n", sandbox.ReadRepoFile("hello.txt"));
        var bashResult = lines.OfType("user").Select(l => l["tool_use_result"]?["stdout"]).OfType<System.Text.Json.Nodes.JsonNode>().Single();
        Assert.Contains("hello world", (string?)bashResult);
        var result = lines.Lines[^1];
        Assert.False((bool)result["is_error"]!);
        Assert.Equal("Done: wrote hello.txt, listed the dir, and edited it.", (string?)result["result"]);
        Assert.Equal(4, (int)result["num_turns"]!);
    }

    [Fact]
    public async Task Given_the_deny_scenario_in_the_default_mode_When_claude_runs_Then_writes_are_refused_and_nothing_changes()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Try to write [[S:deny]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "denied.txt")));
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "x.txt")));
        var result = lines.Lines[^1];
        Assert.Equal(["Write", "Bash"], result["permission_denials"]!.AsArray().Select(d => (string)d!["tool_name"]!));
        Assert.Equal("I could not write the file because permission was denied.", (string?)result["result"]);
    }

    [Fact]
    public async Task Given_a_500_every_time_When_claude_runs_Then_it_retries_and_ends_with_an_api_error_result()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Fail [[S:err500]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Equal(2, lines.OfType("system").Count(l => (string?)l["subtype"] == "api_retry"));
        var result = lines.Lines[^1];
        Assert.Equal("result", (string?)result["type"]);
        Assert.True((bool)result["is_error"]!);
        Assert.Equal(500, (int)result["api_error_status"]!);
        Assert.Contains("Internal server error (mock)", (string?)result["result"]);
    }

    [Fact]
    public async Task Given_one_500_then_an_answer_When_claude_runs_Then_it_recovers_after_one_retry()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Recover [[S:err500x1]]");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Single(lines.OfType("system"), l => (string?)l["subtype"] == "api_retry");
        var result = lines.Lines[^1];
        Assert.False((bool)result["is_error"]!);
        Assert.Equal("Recovered after 1 failures.", (string?)result["result"]);
    }

    [Fact]
    public async Task Given_a_stream_cut_once_When_claude_runs_Then_it_recovers()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Cut once [[S:errstreamx1]]");
        var result = JsonLines.Parse(run).Lines[^1];

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.False((bool)result["is_error"]!);
        Assert.Equal("Recovered after 1 failures.", (string?)result["result"]);
    }

    [Fact]
    public async Task Given_the_slow_scenario_When_claude_streams_partial_messages_Then_the_text_arrives_in_many_deltas()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Go slowly [[S:slow]]", "--include-partial-messages");
        var lines = JsonLines.Parse(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        var deltas = lines.OfType("stream_event").Count(l => (string?)l["event"]!["delta"]?["type"] == "text_delta");
        Assert.True(deltas >= 10, $"{deltas} text deltas\n{run.Describe()}");
        Assert.StartsWith("This answer streams slowly", (string?)lines.Lines[^1]["result"]);
    }

    [Fact]
    public async Task Given_an_unknown_scenario_When_claude_runs_Then_the_mock_400_text_reaches_the_result()
    {
        using var sandbox = await Sandbox.CreateAsync();

        var run = await ClaudeCli.RunAsync(fixture, sandbox, "Huh [[S:no-such-scenario]]");
        var result = JsonLines.Parse(run).Lines[^1];

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.True((bool)result["is_error"]!);
        Assert.Contains("unknown scenario 'no-such-scenario'", (string?)result["result"]);
    }
}
