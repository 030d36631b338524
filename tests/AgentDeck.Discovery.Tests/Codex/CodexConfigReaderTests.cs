using AgentDeck.Core;
using AgentDeck.Discovery.Codex;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Codex;

public sealed class CodexConfigReaderTests
{
    private const string Config = """
        model = "gpt-5.5"
        model_provider = "mock"
        model_reasoning_effort = "medium"

        [model_providers.mock]
        name = "Mock"
        base_url = "http://127.0.0.1:18502/v1"
        env_key = "MOCK_KEY"
        wire_api = "responses"
        request_max_retries = 1
        """;

    [Fact]
    public void Given_config_and_profile_files_When_read_Then_each_is_a_profile_and_files_inherit_the_base()
    {
        using var home = new TempHome(new Dictionary<string, string> { ["MOCK_KEY"] = "secret" });
        home.Variables["CODEX_HOME"] = home.PathOf("codex");
        home.Write("codex/config.toml", Config);
        home.Write("codex/altp.config.toml", "model = \"gpt-5.1-codex-mini\"\nmodel_reasoning_effort = \"low\"\n");
        home.Write("codex/other.toml", "model = \"ignored\"\n");
        var warnings = new List<DiscoveryWarning>();

        var profiles = new CodexConfigReader(home.Environment).Read(warnings);

        Assert.Empty(warnings);
        Assert.Equal(["codex-config", "altp"], profiles.Select(profile => profile.Name));
        var main = profiles[0];
        Assert.Equal((ProfileSource.CodexConfig, "gpt-5.5", "http://127.0.0.1:18502/v1", "MOCK_KEY", "medium", true),
            (main.Source, main.Model, main.BaseUrl, main.CredentialVariable, main.Effort, main.IsCurrent));
        var alt = profiles[1];
        Assert.Equal((ProfileSource.CodexProfileFile, "gpt-5.1-codex-mini", "http://127.0.0.1:18502/v1", "low", AgentKind.Codex),
            (alt.Source, alt.Model, alt.BaseUrl, alt.Effort, alt.Agent));
        var arguments = ProfileApplier.Apply(alt).Arguments;
        Assert.DoesNotContain("--profile", arguments);
        Assert.Equal(["model=\"gpt-5.1-codex-mini\"", "model_provider=\"mock\"", "model_reasoning_effort=\"low\""],
            arguments.Where((_, index) => index % 2 == 1).Take(3));
        Assert.Contains("model_providers.mock.base_url=\"http://127.0.0.1:18502/v1\"", arguments);
    }

    [Fact]
    public void Given_a_profile_file_with_its_own_provider_and_settings_When_applied_Then_every_leaf_is_a_c_flag_and_the_token_stays_off_argv()
    {
        using var home = new TempHome();
        home.Variables["CODEX_HOME"] = home.PathOf("codex");
        home.Write("codex/config.toml", Config);
        home.Write("codex/deep.config.toml", """
            model = "gpt-5.5"
            model_provider = "relay"
            approval_policy = "never"
            sandbox_permissions = ["disk-full-read-access"]

            [model_providers.relay]
            base_url = "https://relay.example/v1"
            experimental_bearer_token = "sk-secret"

            [shell_environment_policy]
            inherit = "all"
            """);
        var warnings = new List<DiscoveryWarning>();

        var deep = new CodexConfigReader(home.Environment).Read(warnings).Single(profile => profile.Name == "deep");
        var application = ProfileApplier.Apply(deep);

        Assert.Empty(warnings);
        Assert.Equal(
            [
                "-c", "model=\"gpt-5.5\"", "-c", "model_provider=\"relay\"", "-c", "model_reasoning_effort=\"medium\"",
                "-c", "model_providers.relay.base_url=\"https://relay.example/v1\"",
                "-c", "model_providers.relay.env_key=\"AGENTDECK_CODEX_BEARER_TOKEN\"",
                "-c", "approval_policy=\"never\"", "-c", "sandbox_permissions=[\"disk-full-read-access\"]",
                "-c", "shell_environment_policy.inherit=\"all\"",
            ],
            application.Arguments);
        Assert.DoesNotContain(application.Arguments, argument => argument.Contains("sk-secret"));
        Assert.Equal("sk-secret", application.Environment["AGENTDECK_CODEX_BEARER_TOKEN"]);
        Assert.Equal("AGENTDECK_CODEX_BEARER_TOKEN", deep.CredentialVariable);
    }

    [Fact]
    public void Given_legacy_profiles_When_read_Then_tables_are_reported_as_legacy_and_the_profile_key_warned()
    {
        using var home = new TempHome();
        var path = home.Write(".codex/config.toml", "profile = \"deep\"\nmodel = \"gpt-5\"\n\n[profiles.deep]\nmodel = \"gpt-5.5\"\n");
        home.Write(".codex/deep.config.toml", "model = \"gpt-5.5\"\n");
        var warnings = new List<DiscoveryWarning>();

        var profiles = new CodexConfigReader(home.Environment).Read(warnings);

        var legacy = profiles.Single(profile => profile.Source == ProfileSource.CodexLegacyProfileTable);
        Assert.Equal(("deep", "gpt-5.5"), (legacy.Name, legacy.Model));
        Assert.Contains("Codex 0.134+ ignores it", legacy.Note);
        Assert.Equal(["-c", "model=\"gpt-5.5\""], ProfileApplier.Apply(legacy).Arguments);
        Assert.Contains(warnings, warning => warning is { Line: 1, Column: 11 } && warning.Source == path && warning.Message.Contains("hard error"));
        Assert.Contains(warnings, warning => warning.Message.Contains("[profiles.deep] is still in config.toml"));
        Assert.Null(profiles[0].CredentialVariable);
    }

    [Fact]
    public void Given_a_broken_config_When_read_Then_a_located_warning_and_profile_files_still_read()
    {
        using var home = new TempHome();
        var path = home.Write(".codex/config.toml", "model = \"gpt-5\"\nmodel_provider = \n");
        home.Write(".codex/fast.config.toml", "model = \"gpt-5-mini\"\n");
        var warnings = new List<DiscoveryWarning>();

        var profiles = new CodexConfigReader(home.Environment).Read(warnings);

        var warning = Assert.Single(warnings);
        Assert.Equal((path, 2), (warning.Source, warning.Line));
        Assert.NotNull(warning.Column);
        Assert.Equal(["fast"], profiles.Select(profile => profile.Name));
    }

    [Fact]
    public void Given_a_key_of_the_wrong_type_When_read_Then_that_key_is_warned_and_the_rest_kept()
    {
        using var home = new TempHome();
        home.Write(".codex/config.toml", "model = 5\nmodel_reasoning_effort = \"high\"\n");
        var warnings = new List<DiscoveryWarning>();

        var profile = Assert.Single(new CodexConfigReader(home.Environment).Read(warnings));

        Assert.Equal((null, "high"), (profile.Model, profile.Effort));
        Assert.Equal("`model` must be a string, not integer", Assert.Single(warnings).Message);
    }

    [Fact]
    public void Given_cc_switch_codex_config_text_When_summarized_Then_overrides_select_the_provider()
    {
        var warnings = new List<DiscoveryWarning>();

        var summary = CodexConfigSummary.Parse(
            "model_provider = \"custom\"\nmodel = \"gpt-5.5\"\n[model_providers.custom]\nname = \"My \\\"proxy\\\"\"\nbase_url = \"https://proxy.example/v1\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n",
            "cc", warnings);

        Assert.Empty(warnings);
        Assert.Equal(("gpt-5.5", "custom", "https://proxy.example/v1"), (summary.Model, summary.Provider, summary.BaseUrl));
        Assert.Equal(
        [
            "model=\"gpt-5.5\"",
            "model_provider=\"custom\"",
            "model_providers.custom.name=\"My \\\"proxy\\\"\"",
            "model_providers.custom.base_url=\"https://proxy.example/v1\"",
            "model_providers.custom.wire_api=\"responses\"",
            "model_providers.custom.requires_openai_auth=true",
        ], summary.Overrides.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    [Fact]
    public void Given_an_inline_bearer_token_When_summarized_Then_it_travels_by_env_not_argv()
    {
        var summary = CodexConfigSummary.Parse(
            "model_provider = \"p\"\n[model_providers.p]\nenv_key = \"OLD\"\nexperimental_bearer_token = \"tok-123\"\nbase_url = \"https://p\"\n",
            "cc", new List<DiscoveryWarning>());

        Assert.DoesNotContain(summary.Overrides, pair => pair.Value.Contains("tok-123", StringComparison.Ordinal));
        Assert.Contains(KeyValuePair.Create("model_providers.p.env_key", $"\"{CodexConfigSummary.BearerTokenVariable}\""), summary.Overrides);
        Assert.Single(summary.Overrides, pair => pair.Key == "model_providers.p.env_key");
        Assert.Equal("tok-123", summary.SecretEnvironment[CodexConfigSummary.BearerTokenVariable]);
        Assert.DoesNotContain("tok-123", DiscoveryJson.Serialize(summary));
    }
}
