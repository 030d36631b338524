using System.Text.Json.Serialization;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Catalogs;
using AgentDeck.Discovery.Config;
using AgentDeck.Discovery.Doctor;
using AgentDeck.Discovery.Environment;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Routing;

namespace AgentDeck.Discovery;

/// <summary>
/// Everything discovery reads, loaded once: AgentDeck's config (profiles and routing policy), the profiles of every
/// other source, and the data catalogs (prices, model traits, roles). The entry point for the CLI verbs.
/// </summary>
public sealed record AgentDeckDiscovery([property: JsonIgnore] DiscoveryEnvironment Environment, AgentDeckConfig Config, ProfileReport Profiles, DataCatalogs Catalogs)
{
    /// <summary>All warnings: config files, profile sources and data catalogs.</summary>
    public IReadOnlyList<DiscoveryWarning> Warnings => Profiles.Warnings.Concat(Catalogs.Warnings).ToList();

    public static AgentDeckDiscovery Load(DiscoveryEnvironment environment, TimeSpan? ccSwitchBusyTimeout = null)
    {
        var warnings = new List<DiscoveryWarning>();
        var config = new AgentDeckConfigReader(environment).Read(warnings);
        var profiles = new ProfileDiscovery(environment, ccSwitchBusyTimeout).Discover(warnings, config);
        return new AgentDeckDiscovery(environment, config, profiles, DataCatalogLoader.Load(environment));
    }

    /// <summary>A routing service over this discovery's catalogs and policy; keep it to remember rejected models.</summary>
    public RoutingService CreateRouter(RejectedModels? rejected = null) => new(Catalogs, Config.Policy, rejected);

    /// <summary>The agents whose CLI is on PATH.</summary>
    public static IReadOnlySet<AgentKind> InstalledAgents(IExecutableLocator locator) =>
        ProgramProbe.Agents.Where(probe => locator.Find(probe.Program) is not null).Select(probe => probe.Agent!.Value).ToHashSet();
}
