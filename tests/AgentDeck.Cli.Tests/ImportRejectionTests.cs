namespace AgentDeck.Cli.Tests;

/// <summary><c>agentdeck import</c> with a file that is not a transcript of the agent: a one-line error and no run.</summary>
public sealed class ImportRejectionTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_home.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task AssertNoRunRecorded()
    {
        var runs = await Agentdeck("runs", "--json");
        Assert.Equal("[]", runs.Out.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public async Task Given_an_empty_transcript_When_imported_Then_a_one_line_error_and_no_run(string content)
    {
        var file = Write("empty.ndjson", content);

        var import = await Agentdeck("import", "--agent", "claude", file);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal("", import.Out);
        var error = Assert.Single(import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("empty.ndjson is empty", error, StringComparison.Ordinal);
        await AssertNoRunRecorded();
    }

    [Fact]
    public async Task Given_a_file_with_no_line_of_the_agents_format_When_imported_Then_a_one_line_error_and_no_run()
    {
        var file = Write("passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

        var import = await Agentdeck("import", "--agent", "claude", file);

        Assert.Equal(1, import.ExitCode);
        var error = Assert.Single(import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("has no line of claude's output format", error, StringComparison.Ordinal);
        await AssertNoRunRecorded();
    }

    [Fact]
    public async Task Given_another_agents_transcript_When_imported_as_claude_Then_it_is_refused_and_no_run()
    {
        var import = await Agentdeck("import", "--agent", "claude", Fixtures.Transcript("codex-01-plain.ndjson"));

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("has no line of claude's output format", import.Error, StringComparison.Ordinal);
        await AssertNoRunRecorded();
    }

    [Fact]
    public async Task Given_a_transcript_whose_first_lines_are_noise_When_imported_Then_it_is_recorded()
    {
        var transcript = File.ReadAllText(Fixtures.Transcript("claude-01-plain.ndjson"));
        var file = Write("noisy.ndjson", "npm WARN something\n" + transcript);

        var import = await Agentdeck("import", "--agent", "claude", file, "--exit-code", "0");

        Assert.True(import.ExitCode == 0, import.Error);
        var show = await Agentdeck("show", import.Out.Trim(), "--json");
        Assert.Contains("\"status\":\"succeeded\"", show.Out, StringComparison.Ordinal);
    }
}
