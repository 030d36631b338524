using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Config;

/// <summary>What AgentDeck's own config.toml files say about profiles and routing.</summary>
public sealed record AgentDeckConfig(IReadOnlyList<DiscoveredProfile> Profiles, RoutingPolicy Policy)
{
    public static AgentDeckConfig Default { get; } = new([], RoutingPolicy.Default);
}
