using AgentDeck.Discovery.CcSwitch;
using AgentDeck.Discovery.Environment;

namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// Collects profiles from every source AgentDeck reads, read-only: CC-Switch providers and Claude Code settings.
/// Each source fails alone; its problems become warnings and the others still report.
/// </summary>
public sealed class ProfileDiscovery(DiscoveryEnvironment environment, TimeSpan? ccSwitchBusyTimeout = null)
{
    public ProfileReport Discover()
    {
        var warnings = new List<DiscoveryWarning>();
        var profiles = new List<DiscoveredProfile>();
        profiles.AddRange(new CcSwitchReader(environment, ccSwitchBusyTimeout).Read(warnings).Providers);
        if (ClaudeSettingsReader.Read(environment, warnings) is { } claude)
        {
            profiles.Add(claude);
        }

        return new ProfileReport(profiles, warnings);
    }
}
