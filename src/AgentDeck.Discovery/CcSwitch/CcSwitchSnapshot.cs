using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.CcSwitch;

/// <summary>What CC-Switch holds for the agents AgentDeck drives. <see cref="SchemaVersion"/> is the database's user_version.</summary>
public sealed record CcSwitchSnapshot(string? StorePath, int? SchemaVersion, IReadOnlyList<DiscoveredProfile> Providers)
{
    public static CcSwitchSnapshot Absent { get; } = new(null, null, []);
}
