using AgentDeck.Core;
using AgentDeck.Discovery.CcSwitch;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.CcSwitch;

public sealed class CcSwitchReaderTests
{
    private const string Secret = "sk-test-SECRET-0123456789";

    private const string GlmClaude = $$$"""
        {"env":{"ANTHROPIC_BASE_URL":"https://open.bigmodel.cn/api/anthropic","ANTHROPIC_AUTH_TOKEN":"{{{Secret}}}",
        "ANTHROPIC_MODEL":"glm-4.6","ANTHROPIC_DEFAULT_HAIKU_MODEL":"glm-4.5-air","ANTHROPIC_DEFAULT_SONNET_MODEL":"glm-4.6",
        "ANTHROPIC_DEFAULT_OPUS_MODEL":"glm-4.6"}}
        """;

    private static readonly TimeSpan ShortBusyTimeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void Given_a_database_When_read_Then_providers_become_profiles_with_models_and_no_secret_values()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        CcSwitchDatabase.AddProvider(db, "official", "claude", "Claude Official", """{"env":{}}""", isCurrent: true);
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        CcSwitchDatabase.AddProvider(db, "gem", "gemini", "Gemini key", $$$"""{"env":{"GEMINI_API_KEY":"{{{Secret}}}","GEMINI_MODEL":"gemini-2.5-pro"},"config":{}}""");
        CcSwitchDatabase.AddProvider(db, "desk", "claude-desktop", "Desktop", "{}");
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(warnings);
        Assert.Equal(17, snapshot.SchemaVersion);
        Assert.Equal(["Claude Official", "Zhipu GLM", "Gemini key"], snapshot.Providers.Select(profile => profile.Name));
        var glm = snapshot.Providers.Single(profile => profile.Id == "glm");
        Assert.Equal((AgentKind.Claude, ProfileSource.CcSwitch, "glm-4.6"), (glm.Agent, glm.Source, glm.Model));
        Assert.Equal("https://open.bigmodel.cn/api/anthropic", glm.BaseUrl);
        Assert.Equal("ANTHROPIC_AUTH_TOKEN", glm.CredentialVariable);
        Assert.Equal("glm-4.5-air", glm.ModelAliases["haiku"]);
        Assert.Equal(["glm-4.6", "glm-4.5-air"], glm.ModelsNamed);
        Assert.False(glm.IsCurrent);
        Assert.True(snapshot.Providers[0].IsCurrent);
        var gemini = snapshot.Providers.Single(profile => profile.Agent == AgentKind.Gemini);
        Assert.Equal(("gemini-2.5-pro", "GEMINI_API_KEY"), (gemini.Model, gemini.CredentialVariable));

        var json = DiscoveryJson.Serialize(snapshot);
        Assert.DoesNotContain(Secret, json);
        Assert.Contains("\"credentialVariable\": \"ANTHROPIC_AUTH_TOKEN\"", json);
        Assert.DoesNotContain(Secret, glm.ToString());
    }

    [Fact]
    public void Given_settings_json_names_a_current_provider_When_read_Then_it_outranks_the_database_flag()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        CcSwitchDatabase.AddProvider(db, "official", "claude", "Claude Official", """{"env":{}}""", isCurrent: true);
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        home.Write(".cc-switch/settings.json", """{"currentProviderClaude":"glm","language":"en"}""");

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(new List<DiscoveryWarning>());

        Assert.Equal(["glm"], snapshot.Providers.Where(profile => profile.IsCurrent).Select(profile => profile.Id));
    }

    [Fact]
    public void Given_a_database_When_read_Then_its_bytes_and_mtime_are_unchanged()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude, isCurrent: true);
        var past = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(db, past);
        var before = File.ReadAllBytes(db);
        var filesBefore = Directory.GetFiles(Path.GetDirectoryName(db)!).Order().ToList();

        new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(new List<DiscoveryWarning>());

        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(past, File.GetLastWriteTimeUtc(db));
        Assert.Equal(filesBefore, Directory.GetFiles(Path.GetDirectoryName(db)!).Order().ToList());
    }

    [Fact]
    public void Given_a_locked_database_When_read_Then_a_warning_and_no_crash()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        using var writer = CcSwitchDatabase.Open(db);
        CcSwitchDatabase.Execute(writer, "BEGIN EXCLUSIVE;");
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(snapshot.Providers);
        var warning = Assert.Single(warnings);
        Assert.Equal(db, warning.Source);
        Assert.Contains("locked by another program", warning.Message);
        CcSwitchDatabase.Execute(writer, "ROLLBACK;");
    }

    [Fact]
    public void Given_no_providers_table_When_read_Then_a_warning_naming_it()
    {
        using var home = new TempHome();
        CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"), withProviders: false);
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(snapshot.Providers);
        Assert.Contains("no providers table", Assert.Single(warnings).Message);
    }

    [Fact]
    public void Given_a_providers_table_missing_columns_When_read_Then_a_warning_naming_them()
    {
        using var home = new TempHome();
        var path = home.PathOf(".cc-switch/cc-switch.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = CcSwitchDatabase.Open(path))
        {
            CcSwitchDatabase.Execute(connection, "CREATE TABLE providers (id TEXT, name TEXT); PRAGMA user_version = 3;");
        }

        var warnings = new List<DiscoveryWarning>();
        new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Contains("lacks column(s) app_type, settings_config", Assert.Single(warnings).Message);
    }

    [Fact]
    public void Given_a_newer_schema_When_read_Then_a_warning_and_the_providers_still_come()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"), userVersion: 23);
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Single(snapshot.Providers);
        Assert.Contains("schema v23 is newer than v17", Assert.Single(warnings).Message);
    }

    [Fact]
    public void Given_a_file_that_is_not_sqlite_When_read_Then_a_warning()
    {
        using var home = new TempHome();
        home.Write(".cc-switch/cc-switch.db", "this is not a database at all, just text that is long enough to have a header........");
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(snapshot.Providers);
        Assert.Contains("not a readable SQLite database", Assert.Single(warnings).Message);
    }

    [Fact]
    public void Given_a_provider_with_broken_settings_When_read_Then_it_is_skipped_with_a_warning_and_others_stay()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        CcSwitchDatabase.AddProvider(db, "bad", "claude", "Broken", """{"env": {"ANTHROPIC_MODEL": }""");
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Equal(["glm"], snapshot.Providers.Select(profile => profile.Id));
        var warning = Assert.Single(warnings);
        Assert.Contains("provider Broken", warning.Source);
        Assert.Equal(1, warning.Line);
    }

    [Fact]
    public void Given_only_the_legacy_config_json_When_read_Then_its_providers_are_used()
    {
        using var home = new TempHome();
        home.Write(".cc-switch/config.json", $$$"""
            {"version":2,
             "claude":{"providers":{"glm":{"id":"glm","name":"Zhipu GLM","settingsConfig":{{{GlmClaude}}} },
                                    "official":{"id":"official","name":"Official","settingsConfig":{"env":{} } } },
                       "current":"glm"},
             "mcp":{}}
            """);
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(warnings);
        Assert.Equal(home.PathOf(".cc-switch/config.json"), snapshot.StorePath);
        var glm = snapshot.Providers.Single(profile => profile.Id == "glm");
        Assert.Equal((ProfileSource.CcSwitchLegacyConfig, true, "glm-4.6"), (glm.Source, glm.IsCurrent, glm.Model));
        Assert.False(snapshot.Providers.Single(profile => profile.Id == "official").IsCurrent);
    }

    [Fact]
    public void Given_a_v1_legacy_config_When_read_Then_a_warning_and_nothing_else()
    {
        using var home = new TempHome();
        home.Write(".cc-switch/config.json", """{"providers":{"a":{}},"current":"a"}""");
        var warnings = new List<DiscoveryWarning>();

        Assert.Empty(new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings).Providers);
        Assert.Contains("only the v2", Assert.Single(warnings).Message);
    }

    [Fact]
    public void Given_no_cc_switch_at_all_When_read_Then_nothing_and_no_warning()
    {
        using var home = new TempHome();
        var warnings = new List<DiscoveryWarning>();

        Assert.Same(CcSwitchSnapshot.Absent, new CcSwitchReader(home.Environment).Read(warnings));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Given_a_wal_mode_database_When_read_Then_providers_come_and_no_file_is_created_or_changed()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        using (var connection = CcSwitchDatabase.Open(db))
        {
            CcSwitchDatabase.Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        var folder = Path.GetDirectoryName(db)!;
        var before = Directory.GetFiles(folder).Order().Select(path => (path, File.GetLastWriteTimeUtc(path), new FileInfo(path).Length)).ToList();
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(warnings);
        Assert.Single(snapshot.Providers);
        Assert.Equal(before, Directory.GetFiles(folder).Order().Select(path => (path, File.GetLastWriteTimeUtc(path), new FileInfo(path).Length)).ToList());
    }

    [Fact]
    public void Given_cc_switch_running_in_wal_mode_When_read_Then_rows_still_in_the_wal_are_seen_and_the_database_file_is_unchanged()
    {
        using var home = new TempHome();
        var db = CcSwitchDatabase.Create(home.PathOf(".cc-switch/cc-switch.db"));
        using var running = CcSwitchDatabase.Open(db);
        CcSwitchDatabase.Execute(running, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
        CcSwitchDatabase.AddProvider(db, "glm", "claude", "Zhipu GLM", GlmClaude);
        var bytes = File.ReadAllBytes(db);
        var warnings = new List<DiscoveryWarning>();

        var snapshot = new CcSwitchReader(home.Environment, ShortBusyTimeout).Read(warnings);

        Assert.Empty(warnings);
        Assert.Equal(["glm"], snapshot.Providers.Select(profile => profile.Id));
        Assert.Equal(bytes, File.ReadAllBytes(db));
    }
}
