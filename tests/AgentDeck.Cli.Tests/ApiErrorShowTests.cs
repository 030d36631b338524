using System.Text.Json;

namespace AgentDeck.Cli.Tests;

/// <summary>A run that failed on an API error keeps the HTTP status: <c>show</c> and <c>show --json</c> carry it.</summary>
public sealed class ApiErrorShowTests : IDisposable
{
    // What Claude Code prints when the mock answers HTTP 400 to a prompt naming no scenario it knows.
    private const string ClaudeBadRequest = """
        {"type":"system","subtype":"init","session_id":"s-400","model":"claude-opus-5-5","cwd":"/w","tools":[]}
        {"type":"assistant","message":{"id":"m1","model":"<synthetic>","content":[{"type":"text","text":"API Error: 400 mock model: unknown scenario 'nope'. Known scenarios: plain, tools, badmodel. Pick one with [[S:name]] in the prompt."}]},"is_api_error_message":true,"api_error_status":400,"error":"invalid_request"}
        {"type":"result","subtype":"success","is_error":true,"terminal_reason":"api_error","api_error_status":400,"api_error_type":"invalid_request_error","result":"API Error: 400 mock model: unknown scenario 'nope'. Known scenarios: plain, tools, badmodel. Pick one with [[S:name]] in the prompt.","session_id":"s-400","total_cost_usd":0}
        """;

    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    private async Task<string> Import(string file)
    {
        var run = await Agentdeck("import", "--agent", "claude", file, "--exit-code", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Out.Trim();
    }

    [Fact]
    public async Task Given_a_400_bad_request_for_a_model_When_shown_Then_it_is_an_api_error_with_its_http_status_not_a_rejected_model()
    {
        var file = Path.Combine(_home.Path, "bad-request.ndjson");
        await File.WriteAllTextAsync(file, ClaudeBadRequest + "\n");
        var id = await Import(file);

        var json = JsonDocument.Parse((await Agentdeck("show", id, "--json")).Out).RootElement;
        var text = await Agentdeck("show", id);

        Assert.Equal("api_error", json.GetProperty("failure_reason").GetString());
        Assert.Equal(400, json.GetProperty("http_status").GetInt32());
        Assert.Contains("unknown scenario", json.GetProperty("failure_detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("failed — api_error (HTTP 400)", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_500_When_shown_as_json_Then_the_status_is_kept_and_a_succeeded_run_has_none()
    {
        var failed = await Import(Fixtures.Transcript("claude-07-err500.ndjson"));
        var succeeded = await Import(Fixtures.Transcript("claude-01-plain.ndjson"));

        var failedJson = JsonDocument.Parse((await Agentdeck("show", failed, "--json")).Out).RootElement;
        var succeededJson = JsonDocument.Parse((await Agentdeck("show", succeeded, "--json")).Out).RootElement;

        Assert.Equal(500, failedJson.GetProperty("http_status").GetInt32());
        Assert.False(succeededJson.TryGetProperty("http_status", out _));
    }
}
