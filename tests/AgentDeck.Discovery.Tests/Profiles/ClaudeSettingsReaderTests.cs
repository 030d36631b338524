using AgentDeck.Core;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Profiles;

public sealed class ClaudeSettingsReaderTests
{
    [Fact]
    public void Given_settings_with_env_routing_When_read_Then_base_url_model_and_aliases_are_reported()
    {
        using var home = new TempHome();
        var path = home.Write(".claude/settings.json", """
            {
              // comments are tolerated, like Claude Code does
              "env": {
                "ANTHROPIC_BASE_URL": "http://127.0.0.1:18501",
                "ANTHROPIC_API_KEY": "sk-ant-secret",
                "ANTHROPIC_MODEL": "claude-sonnet-4-5",
                "ANTHROPIC_DEFAULT_OPUS_MODEL": "claude-opus-4-5",
                "ANTHROPIC_SMALL_FAST_MODEL": "claude-haiku-4-5",
                "API_TIMEOUT_MS": 600000
              },
              "permissions": { "allow": [] },
            }
            """);
        var warnings = new List<DiscoveryWarning>();

        var profile = ClaudeSettingsReader.Read(home.Environment, warnings);

        Assert.Empty(warnings);
        Assert.NotNull(profile);
        Assert.Equal((AgentKind.Claude, ProfileSource.ClaudeSettings, path), (profile.Agent, profile.Source, profile.SourcePath));
        Assert.Equal(("claude-sonnet-4-5", "http://127.0.0.1:18501", "ANTHROPIC_API_KEY"), (profile.Model, profile.BaseUrl, profile.CredentialVariable));
        Assert.Equal(new Dictionary<string, string> { ["opus"] = "claude-opus-4-5", ["small-fast"] = "claude-haiku-4-5" }, profile.ModelAliases);
        Assert.DoesNotContain("sk-ant-secret", DiscoveryJson.Serialize(profile));
    }

    [Fact]
    public void Given_CLAUDE_CONFIG_DIR_When_read_Then_that_folder_is_used_and_top_level_model_counts()
    {
        using var home = new TempHome();
        home.Variables["CLAUDE_CONFIG_DIR"] = home.PathOf("elsewhere");
        home.Write("elsewhere/settings.json", """{"model":"opus"}""");

        var profile = ClaudeSettingsReader.Read(home.Environment, new List<DiscoveryWarning>());

        Assert.Equal("opus", profile?.Model);
        Assert.False(profile!.HasCredential);
    }

    [Fact]
    public void Given_broken_json_When_read_Then_a_warning_with_line_and_column_and_no_profile()
    {
        using var home = new TempHome();
        var path = home.Write(".claude/settings.json", "{\n  \"env\": {\n    \"ANTHROPIC_MODEL\": \"x\" \"oops\"\n  }\n}\n");
        var warnings = new List<DiscoveryWarning>();

        Assert.Null(ClaudeSettingsReader.Read(home.Environment, warnings));

        var warning = Assert.Single(warnings);
        Assert.Equal((path, 3), (warning.Source, warning.Line));
        Assert.NotNull(warning.Column);
        Assert.StartsWith($"{path}:3:", warning.ToString());
    }

    [Fact]
    public void Given_no_settings_file_When_read_Then_nothing_and_no_warning()
    {
        using var home = new TempHome();
        var warnings = new List<DiscoveryWarning>();

        Assert.Null(ClaudeSettingsReader.Read(home.Environment, warnings));
        Assert.Empty(warnings);
    }
}
