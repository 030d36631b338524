using System.Text.Json;
using AgentDeck.Core;
using AgentDeck.Discovery.Codex;
using AgentDeck.Discovery.Json;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.CcSwitch;

/// <summary>
/// Turns a CC-Switch provider into a profile: the models its settings name, its base URL and whether a credential is
/// set (by variable name only). The provider's env becomes the profile's environment, applied to one worker at a time.
/// </summary>
internal static class CcSwitchProviderInterpreter
{
    public static DiscoveredProfile? ToProfile(
        CcSwitchProviderRow row,
        AgentKind agent,
        bool isCurrent,
        ProfileSource source,
        string path,
        ICollection<DiscoveryWarning> warnings)
    {
        var where = $"{path} (provider {row.Name}, id {row.Id})";
        if (JsonFiles.TryParse(row.SettingsConfigJson, where, warnings) is not { ValueKind: JsonValueKind.Object } settings)
        {
            return null;
        }

        return agent switch
        {
            AgentKind.Claude => Claude(row, settings, isCurrent, source, path),
            AgentKind.Codex => Codex(row, settings, isCurrent, source, path, where, warnings),
            AgentKind.Gemini => Gemini(row, settings, isCurrent, source, path),
            _ => Bare(row, agent, isCurrent, source, path),
        };
    }

    private static DiscoveredProfile Claude(CcSwitchProviderRow row, JsonElement settings, bool isCurrent, ProfileSource source, string path)
    {
        var reading = ClaudeEnvironmentReading.From(settings);
        return new DiscoveredProfile(row.Name, row.Id, AgentKind.Claude, source, path, reading.Model, reading.ModelAliases,
            reading.BaseUrl, reading.CredentialVariable, isCurrent)
        {
            Environment = new SecretEnvironment(reading.Environment),
            Note = reading.Environment.Count == 0 ? "official login (no env overrides)" : null,
        };
    }

    private static DiscoveredProfile Codex(
        CcSwitchProviderRow row, JsonElement settings, bool isCurrent, ProfileSource source, string path, string where, ICollection<DiscoveryWarning> warnings)
    {
        var auth = settings.Object("auth").StringMap().Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var credential = auth.Keys.FirstOrDefault(SecretNames.IsSecret);
        var configText = settings.String("config");
        var config = string.IsNullOrWhiteSpace(configText) ? CodexConfigSummary.Empty : CodexConfigSummary.Parse(configText, where, warnings);
        return new DiscoveredProfile(row.Name, row.Id, AgentKind.Codex, source, path, config.Model,
            new Dictionary<string, string>(), config.BaseUrl, credential ?? config.SecretEnvironment.Keys.FirstOrDefault(), isCurrent)
        {
            Effort = config.Effort,
            Environment = new SecretEnvironment(auth.Concat(config.SecretEnvironment).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)),
            CodexOverrides = config.Overrides,
        };
    }

    private static DiscoveredProfile Gemini(CcSwitchProviderRow row, JsonElement settings, bool isCurrent, ProfileSource source, string path)
    {
        var env = settings.Object("env").StringMap();
        var credential = new[] { "GEMINI_API_KEY", "GOOGLE_API_KEY" }.FirstOrDefault(name => !string.IsNullOrWhiteSpace(env.GetValueOrDefault(name)));
        var model = env.GetValueOrDefault("GEMINI_MODEL") ?? settings.Object("config")?.Object("model")?.String("name");
        return new DiscoveredProfile(row.Name, row.Id, AgentKind.Gemini, source, path, string.IsNullOrWhiteSpace(model) ? null : model,
            new Dictionary<string, string>(), env.GetValueOrDefault("GOOGLE_GEMINI_BASE_URL"), credential, isCurrent)
        {
            Environment = new SecretEnvironment(env),
        };
    }

    private static DiscoveredProfile Bare(CcSwitchProviderRow row, AgentKind agent, bool isCurrent, ProfileSource source, string path) =>
        new(row.Name, row.Id, agent, source, path, null, new Dictionary<string, string>(), null, null, isCurrent)
        {
            Note = "provider settings for this agent are listed but not interpreted",
        };
}
