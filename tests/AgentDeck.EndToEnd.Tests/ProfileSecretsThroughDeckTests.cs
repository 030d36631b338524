using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// A profile's credentials reach the real agent but do not stay on disk (launch.json) or show up in a listing
/// (a base URL's userinfo and key). The API key is left out of the front end's environment, so Claude Code answers
/// only when the profile's key reached it.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class ProfileSecretsThroughDeckTests(AgentCliFixture fixture)
{
    private const string FastKey = "sk-fast-very-secret";
    private const string DeepKey = "sk-deep-very-secret";

    [Fact]
    public async Task Given_a_profile_with_an_api_key_When_claude_runs_on_it_Then_it_answers_and_launch_json_keeps_the_name_not_the_key()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        deck.Unset("ANTHROPIC_API_KEY");
        await deck.WriteUserConfigAsync($"""
            [profiles.fast]
            agent = "claude"
            model = "mock-fast"
            env = {"{"} ANTHROPIC_API_KEY = "{FastKey}", CLAUDE_CODE_MAX_RETRIES = "2" {"}"}
            """);

        var id = await deck.RunDetachedAsync("claude", "Say hello [[S:plain]]", "--profile", "fast");
        var (wait, _) = await deck.WaitAsync(id);
        var launchText = await File.ReadAllTextAsync(deck.RunFile(id, "launch.json"));
        var launch = JsonNode.Parse(launchText)!;

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal("Hello from mock model.", (string?)(await deck.ShowAsync(id))["final_text"]);
        Assert.DoesNotContain("very-secret", launchText, StringComparison.Ordinal);
        Assert.Equal(["ANTHROPIC_API_KEY"], launch["secret_variables"]!.AsArray().Select(name => (string?)name));
        Assert.Equal("2", (string?)launch["environment"]!["CLAUDE_CODE_MAX_RETRIES"]);
    }

    [Fact]
    public async Task Given_a_fallback_profile_with_its_own_key_When_the_run_fails_Then_the_child_gets_the_key_though_no_launch_json_keeps_it()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        deck.Unset("ANTHROPIC_API_KEY");
        await deck.WriteUserConfigAsync($"""
            [profiles.fast]
            agent = "claude"
            model = "mock-fast"
            env = {"{"} ANTHROPIC_API_KEY = "{FastKey}" {"}"}

            [profiles.deep]
            agent = "claude"
            model = "mock-deep"
            env = {"{"} ANTHROPIC_API_KEY = "{DeepKey}" {"}"}

            [routing.roles.implementation]
            fallback = "deep"
            """);

        var id = await deck.RunDetachedAsync("claude", $"Fix it [[S:{AgentCliFixture.EscalateScenario}]]", "--profile", "fast", "--role", "implementation");
        await deck.WaitAsync(id);
        var parent = await deck.UntilAsync(id, s => s["escalated_to"] is not null, "escalated to the fallback");
        var childId = (string)parent["escalated_to"]!;
        var (wait, _) = await deck.WaitAsync(childId);
        var child = await deck.ShowAsync(childId);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal(("succeeded", "deep"), (Deck.Status(child), (string?)child["profile"]));
        Assert.Equal("Done by the fallback model.", (string?)child["final_text"]);
        Assert.DoesNotContain("very-secret", await File.ReadAllTextAsync(deck.RunFile(id, "launch.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", await File.ReadAllTextAsync(deck.RunFile(childId, "launch.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_base_url_with_userinfo_and_a_key_When_profiles_are_listed_Then_both_are_masked()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var claude = Directory.CreateDirectory(Path.Combine(sandbox.Home, ".claude")).FullName;
        await File.WriteAllTextAsync(Path.Combine(claude, "settings.json"),
            """{"env":{"ANTHROPIC_BASE_URL":"https://me:pass-very-secret@proxy.example.com/v1?token=tok-very-secret&region=eu","ANTHROPIC_MODEL":"glm-4.6"}}""");

        var text = await deck.SucceedAsync("profiles");
        var json = await deck.SucceedAsync("profiles", "--json");

        Assert.DoesNotContain("very-secret", text.Stdout + json.Stdout, StringComparison.Ordinal);
        var profile = JsonNode.Parse(json.Stdout)!["profiles"]!.AsArray().Single(p => (string?)p!["model"] == "glm-4.6")!;
        Assert.Equal("https://***@proxy.example.com/v1?token=***&region=eu", (string?)profile["baseUrl"]);
        Assert.Contains("https://***@proxy.example.com/v1?token=***&region=eu", text.Stdout, StringComparison.Ordinal);
    }
}
