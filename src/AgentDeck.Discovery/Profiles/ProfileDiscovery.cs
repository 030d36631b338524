using AgentDeck.Discovery.CcSwitch;
using AgentDeck.Discovery.Codex;
using AgentDeck.Discovery.Config;
using AgentDeck.Discovery.Environment;

namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// Collects profiles from every source AgentDeck reads, read-only: CC-Switch providers, Claude Code settings, Codex
/// config and profile files, and AgentDeck's own config. Each source fails alone; its problems become warnings and
/// the others still report.
/// </summary>
public sealed class ProfileDiscovery(DiscoveryEnvironment environment, TimeSpan? ccSwitchBusyTimeout = null)
{
    public ProfileReport Discover() => Discover(new List<DiscoveryWarning>(), AgentDeckConfig.Default);

    /// <summary>Adds <paramref name="config"/>'s profiles (already read by the caller) to those found on disk.</summary>
    public ProfileReport Discover(List<DiscoveryWarning> warnings, AgentDeckConfig config)
    {
        var profiles = new List<DiscoveredProfile>(config.Profiles);
        profiles.AddRange(new CcSwitchReader(environment, ccSwitchBusyTimeout).Read(warnings).Providers);
        if (ClaudeSettingsReader.Read(environment, warnings) is { } claude)
        {
            profiles.Add(claude);
        }

        profiles.AddRange(new CodexConfigReader(environment).Read(warnings));
        return new ProfileReport(profiles, warnings);
    }
}
