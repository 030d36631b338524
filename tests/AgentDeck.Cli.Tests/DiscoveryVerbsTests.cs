using System.Text.Json;

namespace AgentDeck.Cli.Tests;

public sealed class DiscoveryVerbsTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private string UserHome => Path.Combine(_home.Path, "user-home");

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    [Fact]
    public async Task Given_claude_settings_with_a_base_url_and_model_When_listing_profiles_Then_it_is_found_with_its_source_and_no_secret()
    {
        Directory.CreateDirectory(Path.Combine(UserHome, ".claude"));
        await File.WriteAllTextAsync(Path.Combine(UserHome, ".claude", "settings.json"),
            """{"env":{"ANTHROPIC_BASE_URL":"http://127.0.0.1:9/","ANTHROPIC_AUTH_TOKEN":"sk-very-secret","ANTHROPIC_MODEL":"glm-4.6"}}""");

        var text = await Agentdeck("profiles");
        var json = await Agentdeck("profiles", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("glm-4.6", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-very-secret", text.Out + json.Out, StringComparison.Ordinal);
        Assert.Contains("glm-4.6", JsonDocument.Parse(json.Out).RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_base_url_with_credentials_When_listing_profiles_Then_text_and_json_show_it_masked()
    {
        Directory.CreateDirectory(Path.Combine(UserHome, ".claude"));
        await File.WriteAllTextAsync(Path.Combine(UserHome, ".claude", "settings.json"),
            """{"env":{"ANTHROPIC_BASE_URL":"https://user:PASS-very-secret@proxy.example.com/v1?key=key-very-secret&region=eu","ANTHROPIC_MODEL":"glm-4.6"}}""");

        var text = await Agentdeck("profiles");
        var json = await Agentdeck("profiles", "--json");

        Assert.Equal(0, json.ExitCode);
        Assert.DoesNotContain("very-secret", text.Out + json.Out, StringComparison.Ordinal);
        Assert.Contains("https://***@proxy.example.com/v1?key=***&region=eu", text.Out, StringComparison.Ordinal);
        var profile = JsonDocument.Parse(json.Out).RootElement.GetProperty("profiles")[0];
        Assert.Equal("https://***@proxy.example.com/v1?key=***&region=eu", profile.GetProperty("baseUrl").GetString());
    }

    [Fact]
    public async Task Given_a_broken_agentdeck_config_When_routing_Then_a_warning_names_file_line_and_column_and_defaults_are_used()
    {
        var config = Path.Combine(UserHome, ".config", "agentdeck");
        Directory.CreateDirectory(config);
        await File.WriteAllTextAsync(Path.Combine(config, "config.toml"), "[routing]\nmin_runs = = 3\n");

        var run = await Agentdeck("profiles");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("config.toml:2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_for_an_unknown_role_is_a_usage_error_listing_the_known_roles()
    {
        var run = await Agentdeck("route", "--role", "astrologer");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("known roles: requirements, architecture, security, testing, implementation, review, ops", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_json_lists_one_decision_per_requested_role()
    {
        var run = await Agentdeck("route", "--team", "review,security", "--json");

        Assert.Equal(0, run.ExitCode);
        var roles = JsonDocument.Parse(run.Out).RootElement.GetProperty("decisions").EnumerateArray()
            .Select(d => d.GetProperty("role").GetString()).ToList();
        Assert.Equal(["security", "review"], roles.Order().Reverse());
    }

    [Fact]
    public async Task Route_team_keeps_the_order_the_team_was_given_in()
    {
        var run = await Agentdeck("route", "--team", "review,security,implementation", "--json");

        Assert.Equal(0, run.ExitCode);
        var roles = JsonDocument.Parse(run.Out).RootElement.GetProperty("decisions").EnumerateArray()
            .Select(d => d.GetProperty("role").GetString()).ToList();
        Assert.Equal(["review", "security", "implementation"], roles);
    }

    [Fact]
    public async Task Doctor_json_reports_git_and_the_ledger_and_never_fails_with_a_stack_trace()
    {
        var run = await Agentdeck("doctor", "--json");

        Assert.Contains(run.ExitCode, new[] { 0, 1 });
        var names = JsonDocument.Parse(run.Out).RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("git", names);
        Assert.Contains("ledger", names);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_records_the_bundled_team_and_shows_every_run()
    {
        var state = Path.Combine(_home.Path, "demo-state");

        var run = await Agentdeck("demo", "--replay", "--state", state);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("claude", run.Out, StringComparison.Ordinal);
        Assert.Contains("interrupted (aborted)", run.Out, StringComparison.Ordinal);
        Assert.Contains("failed (max_turns)", run.Out, StringComparison.Ordinal);
        var runs = await CliRun.InvokeAsync(state, ["runs", "--json"]);
        Assert.Equal(8, JsonDocument.Parse(runs.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Mock_model_serve_answers_on_the_printed_address_until_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();
        var console = new AgentDeck.Cli.Hosting.CliConsole(output, new StringWriter(), () => new MemoryStream(),
            new Dictionary<string, string> { ["AGENTDECK_HOME"] = _home.Path, ["HOME"] = UserHome }, _home.Path);
        var serving = AgentDeck.Cli.Hosting.CliApp.RunAsync(["mock-model", "serve"], console, cancel.Token);

        var url = await WaitForAddress(output, serving);
        using var http = new HttpClient();
        var reply = await http.PostAsync($"{url}/v1/messages", new StringContent(
            """{"model":"m","max_tokens":50,"messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));
        await cancel.CancelAsync();
        var exit = await serving;

        Assert.True(reply.IsSuccessStatusCode);
        Assert.Contains("\"type\":\"message\"", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("[model_providers.mock]", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    private static async Task<string> WaitForAddress(StringWriter output, Task<int> serving)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var text = output.ToString();
            var at = text.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
            if (at >= 0)
            {
                return text[at..].Split(' ', '\n')[0];
            }

            Assert.False(serving.IsCompleted, "the server stopped before printing its address: " + text);
            await Task.Delay(50);
        }

        throw new TimeoutException("the mock model server printed no address");
    }
}
