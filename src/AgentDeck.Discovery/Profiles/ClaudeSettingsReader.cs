using AgentDeck.Core;
using AgentDeck.Discovery.Environment;
using AgentDeck.Discovery.Json;

namespace AgentDeck.Discovery.Profiles;

/// <summary>Reads ~/.claude/settings.json (or $CLAUDE_CONFIG_DIR/settings.json) into the "claude-settings" profile.</summary>
public static class ClaudeSettingsReader
{
    public const string ProfileName = "claude-settings";

    /// <summary>The profile, or null when the file does not exist or cannot be parsed (then with a warning).</summary>
    public static DiscoveredProfile? Read(DiscoveryEnvironment environment, ICollection<DiscoveryWarning> warnings)
    {
        var path = environment.ClaudeSettingsPath;
        if (!File.Exists(path) || JsonFiles.TryReadFile(path, warnings) is not { } root)
        {
            return null;
        }

        if (root.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            warnings.Add(DiscoveryWarning.About(path, "expected a JSON object at the top of the file"));
            return null;
        }

        var reading = ClaudeEnvironmentReading.From(root);
        return new DiscoveredProfile(ProfileName, "settings", AgentKind.Claude, ProfileSource.ClaudeSettings, path,
            reading.Model, reading.ModelAliases, reading.BaseUrl, reading.CredentialVariable, IsCurrent: true)
        {
            // The file is what Claude Code already reads; applying this profile must add nothing.
            Environment = SecretEnvironment.Empty,
            Note = reading.Environment.Count == 0 ? null : $"env sets {string.Join(", ", reading.Environment.Keys.Order(StringComparer.Ordinal))}",
        };
    }
}
