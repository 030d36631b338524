using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Catalogs;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Routing;

/// <summary>
/// <c>agentdeck route</c>: the routing plan for every known role from the profiles found, the data catalogs, the
/// policy in config and the ledger's past runs. Keep one instance per process so rejected models are remembered.
/// </summary>
public sealed class RoutingService(DataCatalogs catalogs, RoutingPolicy policy, RejectedModels? rejected = null)
{
    public RejectedModels Rejected { get; } = rejected ?? new RejectedModels();

    public RoutingPolicy Policy => policy;

    public IReadOnlyList<RoutingCandidate> Candidates(ProfileReport profiles, IReadOnlySet<AgentKind> usableAgents) =>
        CandidateBuilder.Build(profiles.Profiles, catalogs.Traits, usableAgents);

    /// <summary>The plan for every role; models the ledger shows an agent refused are learned first and left out.</summary>
    public RoutingPlan Plan(ProfileReport profiles, IReadOnlySet<AgentKind> usableAgents, IReadOnlyList<RunOutcomeSample> history) =>
        Planner(history).Plan(catalogs.Roles, Candidates(profiles, usableAgents));

    public RouteDecision? Route(string role, ProfileReport profiles, IReadOnlySet<AgentKind> usableAgents, IReadOnlyList<RunOutcomeSample> history) =>
        Route(role, Candidates(profiles, usableAgents), history);

    /// <summary>The plan for every role among the candidates given (e.g. with stand-ins for simulated agents).</summary>
    public RoutingPlan Plan(IReadOnlyList<RoutingCandidate> candidates, IReadOnlyList<RunOutcomeSample> history) =>
        Planner(history).Plan(catalogs.Roles, candidates);

    public RouteDecision? Route(string role, IReadOnlyList<RoutingCandidate> candidates, IReadOnlyList<RunOutcomeSample> history)
    {
        var definition = catalogs.Roles.FirstOrDefault(known => string.Equals(known.Name, role, StringComparison.OrdinalIgnoreCase));
        return definition is null ? null : Planner(history).Route(definition, candidates);
    }

    /// <summary>Call when an agent refuses a model (unknown id, no access): later plans avoid it.</summary>
    public void RecordRejectedModel(AgentKind agent, string model, string reason) => Rejected.Record(agent, model, reason);

    /// <summary>The environment and arguments for a worker that runs the decision's choice (null when nothing was chosen).</summary>
    public static ProfileApplication? Application(RouteDecision decision, ProfileReport profiles)
    {
        if (decision.Choice is not { } choice)
        {
            return null;
        }

        return choice.Profile is { } name && profiles.Find(name, choice.Agent) is { } profile
            ? ProfileApplier.Apply(profile, ModelFlagFor(profile, choice.Model))
            : ProfileApplier.ForModel(choice.Agent, choice.Model);
    }

    private RoutePlanner Planner(IReadOnlyList<RunOutcomeSample> history)
    {
        Rejected.Learn(history);
        return new RoutePlanner(catalogs.Prices, catalogs.Traits, policy, new Calibration(history), Rejected);
    }

    /// <summary>Prefer the alias (e.g. `--model sonnet`) when the model is an alias target, so the provider's mapping holds.</summary>
    public static string? ModelFlagFor(DiscoveredProfile profile, string model)
    {
        if (string.Equals(profile.Model, model, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var alias = profile.ModelAliases.FirstOrDefault(pair => string.Equals(pair.Value, model, StringComparison.OrdinalIgnoreCase)).Key;
        return alias is not null && profile.Agent == AgentKind.Claude ? alias : model;
    }
}
