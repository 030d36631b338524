using System.Text.Json;

namespace AgentDeck.Cli.Tests;

public sealed class LedgerVerbsTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    private async Task<string> Import(string agent, string transcript, int? exitCode = null)
    {
        string[] args = exitCode is { } code
            ? ["import", "--agent", agent, Fixtures.Transcript(transcript), "--exit-code", code.ToString()]
            : ["import", "--agent", agent, Fixtures.Transcript(transcript)];
        var run = await Agentdeck(args);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Out.Trim();
    }

    private async Task<JsonElement> ShowJson(string id)
    {
        var show = await Agentdeck("show", id, "--json");
        Assert.True(show.ExitCode == 0, show.Error);
        return JsonDocument.Parse(show.Out).RootElement;
    }

    [Fact]
    public async Task Given_a_claude_tools_transcript_When_imported_Then_show_json_reports_its_outcome_tokens_cost_tools_and_files()
    {
        var id = await Import("claude", "claude-02-tools.ndjson", 0);

        var run = await ShowJson(id);

        Assert.Equal(id, run.GetProperty("id").GetString());
        Assert.Equal("claude", run.GetProperty("agent").GetString());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("failure_reason").ValueKind);
        Assert.Equal("a8a30824-13d7-4aef-9767-491d8d4bf553", run.GetProperty("session_id").GetString());
        Assert.Equal("Done: wrote hello.txt, listed the dir, and edited it.", run.GetProperty("final_text").GetString());
        Assert.Equal(0.00414m, run.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(3, run.GetProperty("tool_calls").GetInt32());
        Assert.Equal(["/home/dev/demo/hello.txt"], run.GetProperty("files_touched").EnumerateArray().Select(f => f.GetString()));
        var tokens = run.GetProperty("tokens");
        Assert.Equal(480, tokens.GetProperty("input").GetInt64());
        Assert.Equal(800, tokens.GetProperty("cached_input").GetInt64());
        Assert.Equal(73, tokens.GetProperty("output").GetInt64());
        Assert.Equal(0, tokens.GetProperty("reasoning").GetInt64());
        Assert.Equal(13, run.GetProperty("events").GetInt64());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("pid").ValueKind);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("agent_pid").ValueKind);
    }

    [Fact]
    public async Task Given_a_claude_session_and_its_resume_When_both_are_imported_Then_the_resume_costs_only_its_own_turn()
    {
        await Import("claude", "claude-02-tools.ndjson", 0);
        var resumed = await Import("claude", "claude-06-resume.ndjson", 0);

        var run = await ShowJson(resumed);

        Assert.Equal(0.00079m, run.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(120, run.GetProperty("tokens").GetProperty("input").GetInt64());
    }

    [Fact]
    public async Task Given_a_codex_thread_and_its_resume_When_both_are_imported_Then_the_resume_counts_only_its_own_tokens()
    {
        await Import("codex", "codex-02-tools.ndjson", 0);
        var resumed = await Import("codex", "codex-06-resume.ndjson", 0);

        var tokens = (await ShowJson(resumed)).GetProperty("tokens");

        Assert.Equal(500, tokens.GetProperty("input").GetInt64());
        Assert.Equal(1500, tokens.GetProperty("cached_input").GetInt64());
        Assert.Equal(70, tokens.GetProperty("output").GetInt64());
        Assert.Equal(JsonValueKind.Null, (await ShowJson(resumed)).GetProperty("cost_usd").ValueKind);
    }

    [Theory]
    [InlineData("claude", "claude-07-err500.ndjson", 1, "failed", "api_error")]
    [InlineData("claude", "claude-08-maxturns.ndjson", 1, "failed", "max_turns")]
    [InlineData("codex", "codex-07-err500.ndjson", 1, "failed", "api_error")]
    [InlineData("codex", "codex-05-appserver-steer.ndjson", 0, "interrupted", "aborted")]
    [InlineData("gemini", "gemini-07-err400.ndjson", 144, "failed", "api_error")]
    [InlineData("opencode", "opencode-07-err401.ndjson", 1, "failed", "api_error")]
    public async Task Failed_and_interrupted_transcripts_keep_their_status_and_reason(string agent, string transcript, int exitCode, string status, string reason)
    {
        var id = await Import(agent, transcript, exitCode);

        var run = await ShowJson(id);

        Assert.Equal(status, run.GetProperty("status").GetString());
        Assert.Equal(reason, run.GetProperty("failure_reason").GetString());
    }

    [Fact]
    public async Task Runs_lists_newest_first_and_json_is_an_array_of_the_show_shape()
    {
        var first = await Import("claude", "claude-01-plain.ndjson", 0);
        var second = await Import("opencode", "opencode-01-plain.ndjson", 0);

        var table = await Agentdeck("runs");
        var json = await Agentdeck("runs", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.True(table.Out.IndexOf(second, StringComparison.Ordinal) < table.Out.IndexOf(first, StringComparison.Ordinal));
        var ids = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal([second, first], ids);
    }

    [Fact]
    public async Task Runs_on_an_empty_state_folder_says_there_are_none_and_creates_no_ledger()
    {
        var run = await Agentdeck("runs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No runs yet", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home.Path, "ledger.db")));
    }

    [Fact]
    public async Task Events_prints_every_event_in_order_and_json_carries_seq_line_and_the_event()
    {
        var id = await Import("codex", "codex-02-tools.ndjson", 0);

        var text = await Agentdeck("events", id);
        var json = await Agentdeck("events", id, "--json", "--raw");

        var rows = json.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(text.OutLines.Length, rows.Count);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.GetProperty("seq").GetInt64()));
        Assert.Equal("session_started", rows[0].GetProperty("event").GetProperty("kind").GetString());
        Assert.StartsWith("{\"type\":\"thread.started\"", rows[0].GetProperty("raw").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_follow_on_a_finished_run_prints_everything_and_returns()
    {
        var id = await Import("claude", "claude-01-plain.ndjson", 0);

        var run = await Agentdeck("events", id, "--follow");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("turn_completed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_recomputes_the_same_events_from_the_raw_log()
    {
        var id = await Import("claude", "claude-02-tools.ndjson", 0);
        var before = (await Agentdeck("events", id, "--json")).OutLines.Select(Strip).ToList();

        var rebuild = await Agentdeck("ledger", "rebuild", id);
        var after = (await Agentdeck("events", id, "--json")).OutLines.Select(Strip).ToList();

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains("10 stdout", rebuild.Out, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Given_an_unknown_run_Then_a_one_line_error_and_exit_1()
    {
        await Import("claude", "claude-01-plain.ndjson", 0);

        var run = await Agentdeck("show", "zzzz");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("agentdeck runs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_corrupt_ledger_Then_a_clear_error_and_the_file_is_left_as_it_was()
    {
        var ledger = Path.Combine(_home.Path, "ledger.db");
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(ledger, garbage);

        var run = await Agentdeck("import", "--agent", "claude", Fixtures.Transcript("claude-01-plain.ndjson"));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(ledger, run.Error, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(ledger));
    }

    private static string Strip(string eventJson)
    {
        var root = JsonDocument.Parse(eventJson).RootElement;
        return root.GetProperty("seq").GetInt64() + " " + root.GetProperty("event").GetRawText();
    }
}
