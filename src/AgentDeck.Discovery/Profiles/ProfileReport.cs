using AgentDeck.Core;

namespace AgentDeck.Discovery.Profiles;

/// <summary>Every profile found, with the warnings met on the way (for <c>agentdeck profiles</c>).</summary>
public sealed record ProfileReport(IReadOnlyList<DiscoveredProfile> Profiles, IReadOnlyList<DiscoveryWarning> Warnings)
{
    /// <summary>A profile by name (case-insensitive), optionally for one agent; AgentDeck's own profiles win a name clash.</summary>
    public DiscoveredProfile? Find(string name, AgentKind? agent = null) =>
        Profiles
            .Where(profile => string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase) && (agent is null || profile.Agent == agent))
            .OrderBy(profile => profile.Source == ProfileSource.AgentDeck ? 0 : 1)
            .FirstOrDefault();

    public IEnumerable<DiscoveredProfile> For(AgentKind agent) => Profiles.Where(profile => profile.Agent == agent);
}
