using AgentDeck.Core.Cost;
using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>The shipped data (prices, model traits, roles) merged with the user's override files.</summary>
public sealed record DataCatalogs(
    PriceTable Prices,
    IReadOnlyList<ModelTraits> Traits,
    IReadOnlyList<RoleDefinition> Roles,
    IReadOnlyList<DiscoveryWarning> Warnings);
