using System.Text.Json;

namespace AgentDeck.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Given_a_claude_transcript_When_parsed_Then_every_line_prints_events_tagged_with_their_line()
    {
        var run = await CliRun.InvokeAsync(_home.Path, ["parse", "--agent", "claude", Fixtures.Transcript("claude-02-tools.ndjson")]);

        Assert.Equal(0, run.ExitCode);
        var events = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var lines = events.Select(e => e.GetProperty("line").GetInt32()).Distinct().Count();
        Assert.Equal(File.ReadAllLines(Fixtures.Transcript("claude-02-tools.ndjson")).Count(l => l.Trim().Length > 0), lines);
        var last = events[^1];
        Assert.Equal("turn_completed", last.GetProperty("kind").GetString());
        Assert.Equal("succeeded", last.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Given_standard_input_When_parsed_with_dash_Then_it_is_read()
    {
        var stdin = File.ReadAllBytes(Fixtures.Transcript("codex-01-plain.ndjson"));

        var run = await CliRun.InvokeAsync(_home.Path, ["parse", "--agent", "codex", "-"], stdin);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.Contains("\"kind\":\"session_started\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_garbage_When_parsed_Then_each_bad_line_is_an_unparsed_event_and_parsing_goes_on()
    {
        byte[] stdin = [.. "not json\n"u8, 0xff, 0xfe, .. "\n{\"type\":\"turn.started\"}\n"u8];

        var run = await CliRun.InvokeAsync(_home.Path, ["parse", "--agent", "codex", "-"], stdin);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Count(l => l.Contains("\"kind\":\"unparsed\"", StringComparison.Ordinal)));
        Assert.Contains(run.OutLines, l => l.Contains("\"kind\":\"turn_started\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_an_unknown_agent_Then_a_one_line_usage_error_lists_the_choices_and_exit_code_is_2()
    {
        var run = await CliRun.InvokeAsync(_home.Path, ["parse", "--agent", "cursor", "x.ndjson"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("claude", run.Error, StringComparison.Ordinal);
        Assert.Contains("opencode", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_missing_file_Then_a_one_line_error_and_exit_code_1()
    {
        var run = await CliRun.InvokeAsync(_home.Path, ["parse", "--agent", "claude", "/no/such/file.ndjson"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agentdeck: file not found: /no/such/file.ndjson; check the path, or pass - to read standard input", run.Error.Trim());
    }

    [Fact]
    public async Task Given_a_directory_instead_of_a_file_Then_a_clear_error()
    {
        var run = await CliRun.InvokeAsync(_home.Path, ["parse", "--agent", "claude", _home.Path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is a directory", run.Error, StringComparison.Ordinal);
    }
}
