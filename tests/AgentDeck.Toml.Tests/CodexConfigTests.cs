namespace AgentDeck.Toml.Tests;

public sealed class CodexConfigTests
{
    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "codex", name);

    private readonly TomlDocument config = TomlDocument.Load(FixturePath("config.toml"));

    [Fact]
    public void Given_a_codex_config_When_loaded_Then_top_level_settings_are_read()
    {
        Assert.True(config.TryGetString("model", out var model));
        Assert.Equal("gpt-5.5", model);
        Assert.True(config.TryGetString("model_provider", out var provider));
        Assert.Equal("mock", provider);
        Assert.True(config.TryGetString("developer_instructions", out var instructions));
        Assert.Equal("Keep answers short.\nRun the tests before you finish.", instructions);
        Assert.True(config.TryGetArray("sandbox_workspace_write.writable_roots", out var roots));
        Assert.True(roots.TryGetStrings(out var rootPaths));
        Assert.Equal(["/tmp/agentdeck", "/var/tmp/scratch"], rootPaths);
    }

    [Fact]
    public void Given_model_provider_tables_When_enumerated_Then_each_provider_and_its_settings_are_found()
    {
        Assert.True(config.TryGetTable("model_providers", out var providers));

        Assert.Equal(["mock", "azure-eu", "custom"], providers.ChildTables.Select(entry => entry.Key));
        Assert.True(config.TryGetString("model_providers.mock.base_url", out var baseUrl));
        Assert.Equal("http://127.0.0.1:18502/v1", baseUrl);
        Assert.True(config.TryGetInteger("model_providers.mock.stream_idle_timeout_ms", out var idle));
        Assert.Equal(300_000, idle);
        Assert.True(config.TryGetString("model_providers.mock.http_headers.X-Trace", out var trace));
        Assert.Equal("agentdeck", trace);
        Assert.True(config.TryGetString("model_providers.\"azure-eu\".query_params.api-version", out var apiVersion));
        Assert.Equal("2025-04-01-preview", apiVersion);
        Assert.True(config.TryGetBoolean("model_providers.custom.requires_openai_auth", out var requiresAuth));
        Assert.True(requiresAuth);
    }

    [Fact]
    public void Given_a_legacy_profiles_table_When_loaded_Then_each_profile_is_a_table_with_a_position()
    {
        Assert.True(config.TryGetTable("profiles", out var profiles));

        Assert.Equal(["fast", "deep-think"], profiles.Keys);
        Assert.True(config.TryGetString("profiles.fast.model", out var fastModel));
        Assert.Equal("gpt-5.5-mini", fastModel);
        Assert.True(config.TryGetString("profiles.deep-think.model_reasoning_effort", out var effort));
        Assert.Equal("high", effort);
        Assert.True(config.TryGetPosition("profiles.fast", out var position));
        Assert.Equal(new TomlPosition(42, 11), position);
    }

    [Fact]
    public void Given_mcp_servers_and_skill_arrays_When_loaded_Then_nested_and_repeated_tables_are_read()
    {
        Assert.True(config.TryGetArray("mcp_servers.docs.args", out var args));
        Assert.True(args.TryGetStrings(out var argList));
        Assert.Equal(["-y", "@example/docs-mcp@1.2.3"], argList);
        Assert.True(config.TryGetFloat("mcp_servers.docs.startup_timeout_sec", out var timeout));
        Assert.Equal(20.5, timeout);
        Assert.True(config.TryGetArray("skills.config", out var skills));
        Assert.True(skills.IsTableArray);
        Assert.Equal([true, false], skills.Tables.Select(skill => skill.TryGetBoolean("enabled", out var on) && on));
    }

    [Fact]
    public void Given_a_profile_v2_file_When_loaded_Then_its_keys_sit_at_the_top_level()
    {
        var profile = TomlDocument.Load(FixturePath("fast.config.toml"));

        Assert.Equal(["model", "model_reasoning_effort", "model_provider"], profile.Root.Keys);
        Assert.True(profile.TryGetString("model_provider", out var provider));
        Assert.Equal("custom", provider);
    }
}
