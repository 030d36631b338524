using AgentDeck.Core;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Tests.Profiles;

public sealed class ProfileApplierTests
{
    private static DiscoveredProfile Profile(AgentKind agent, ProfileSource source, string? model = null, bool current = false,
        IReadOnlyDictionary<string, string>? env = null, string id = "p") =>
        new(id, id, agent, source, "/x", model, new Dictionary<string, string>(), null, null, current)
        {
            Environment = new SecretEnvironment(env ?? new Dictionary<string, string>()),
        };

    [Fact]
    public void Given_a_non_current_cc_switch_claude_provider_When_applied_Then_env_carries_it_and_user_settings_are_skipped()
    {
        var env = new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "https://glm", ["ANTHROPIC_AUTH_TOKEN"] = "tok", ["ANTHROPIC_MODEL"] = "glm-4.6" };

        var application = ProfileApplier.Apply(Profile(AgentKind.Claude, ProfileSource.CcSwitch, "glm-4.6", env: env));

        Assert.Equal(env, application.Environment);
        Assert.Equal(["--setting-sources", "project,local"], application.Arguments);
        Assert.Equal(["ANTHROPIC_AUTH_TOKEN"], application.SecretNames);
        Assert.DoesNotContain("tok", application.ToString().Replace("ANTHROPIC_AUTH_TOKEN", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_current_cc_switch_provider_and_an_alias_When_applied_Then_only_the_model_flag()
    {
        var env = new Dictionary<string, string> { ["ANTHROPIC_MODEL"] = "glm-4.6" };

        var application = ProfileApplier.Apply(Profile(AgentKind.Claude, ProfileSource.CcSwitch, "glm-4.6", current: true, env: env), model: "haiku");

        Assert.Equal(["--model", "haiku"], application.Arguments);
    }

    public static TheoryData<AgentKind, string?, string[]> AgentDeckProfiles => new()
    {
        { AgentKind.Claude, "high", ["--model", "m1", "--effort", "high", "--extra"] },
        { AgentKind.Codex, "low", ["-c", "model=\"m1\"", "-c", "model_reasoning_effort=\"low\"", "--extra"] },
        { AgentKind.Gemini, "low", ["-m", "m1", "--extra"] },
        { AgentKind.OpenCode, "max", ["-m", "m1", "--variant", "max", "--extra"] },
        { AgentKind.Claude, null, ["--model", "m1", "--extra"] },
    };

    [Theory]
    [MemberData(nameof(AgentDeckProfiles))]
    public void Given_an_agentdeck_profile_When_applied_Then_model_effort_and_extra_args_become_flags(AgentKind agent, string? effort, string[] expected)
    {
        var profile = Profile(agent, ProfileSource.AgentDeck, "m1", env: new Dictionary<string, string> { ["MY_FLAG"] = "1" })
            with { Effort = effort, ExtraArguments = ["--extra"] };

        var application = ProfileApplier.Apply(profile);

        Assert.Equal(expected, application.Arguments);
        Assert.Equal("1", application.Environment["MY_FLAG"]);
        Assert.Empty(application.SecretNames);
    }

    [Fact]
    public void Given_a_codex_profile_file_When_applied_Then_its_overrides_are_c_flags_and_no_profile_flag()
    {
        var profile = Profile(AgentKind.Codex, ProfileSource.CodexProfileFile, "gpt-5", id: "deep") with
        {
            Effort = "high",
            CodexOverrides = [KeyValuePair.Create("model", "\"gpt-5\""), KeyValuePair.Create("model_reasoning_effort", "\"high\"")],
        };

        var application = ProfileApplier.Apply(profile);

        Assert.Equal(["-c", "model=\"gpt-5\"", "-c", "model_reasoning_effort=\"high\""], application.Arguments);
        Assert.Empty(application.Environment);
    }

    [Fact]
    public void Given_codex_overrides_When_applied_Then_each_becomes_a_c_flag()
    {
        var profile = Profile(AgentKind.Codex, ProfileSource.CcSwitch, "gpt-5", env: new Dictionary<string, string> { ["OPENAI_API_KEY"] = "k" })
            with { CodexOverrides = [KeyValuePair.Create("model", "\"gpt-5\""), KeyValuePair.Create("model_providers.custom.base_url", "\"https://x\"")] };

        var application = ProfileApplier.Apply(profile);

        Assert.Equal(["-c", "model=\"gpt-5\"", "-c", "model_providers.custom.base_url=\"https://x\""], application.Arguments);
        Assert.Equal(["OPENAI_API_KEY"], application.SecretNames);
    }

    [Fact]
    public void Given_the_claude_settings_profile_When_applied_Then_nothing_is_added()
    {
        var application = ProfileApplier.Apply(Profile(AgentKind.Claude, ProfileSource.ClaudeSettings, "x", current: true));

        Assert.Empty(application.Arguments);
        Assert.Empty(application.Environment);
    }

    [Theory]
    [InlineData("ANTHROPIC_AUTH_TOKEN", true)]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("ANTHROPIC_CUSTOM_HEADERS", true)]
    [InlineData("ANTHROPIC_BASE_URL", false)]
    [InlineData("ANTHROPIC_MODEL", false)]
    public void Given_a_variable_name_When_classified_Then_secrets_are_recognized(string name, bool secret)
    {
        Assert.Equal(secret, SecretNames.IsSecret(name));
    }
}
