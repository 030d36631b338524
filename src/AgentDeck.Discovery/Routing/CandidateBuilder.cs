using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Routing;

/// <summary>
/// Lists the (agent, model, profile) choices this machine really offers: every model a profile names, for agents that
/// can run; plus the models of the traits file for agents whose live setup talks to the vendor's own API (no custom
/// base URL), run by model flag alone. One candidate per agent and model; the more explicit source wins.
/// </summary>
public static class CandidateBuilder
{
    public static IReadOnlyList<RoutingCandidate> Build(
        IReadOnlyList<DiscoveredProfile> profiles,
        IReadOnlyList<ModelTraits> traits,
        IReadOnlySet<AgentKind> usableAgents)
    {
        var fromProfiles = profiles
            .Where(profile => usableAgents.Contains(profile.Agent))
            .OrderBy(profile => Precedence(profile))
            .SelectMany(profile => profile.ModelsNamed.Select(model => new RoutingCandidate(profile.Agent, model, profile.Name)));

        var officialAgents = usableAgents.Where(agent => !profiles.Any(profile => profile.Agent == agent && IsLive(profile) && profile.BaseUrl is not null));
        var fromTraits = traits
            .Where(entry => entry.DefaultAgent is { } agent && officialAgents.Contains(agent))
            .Select(entry => new RoutingCandidate(entry.DefaultAgent!.Value, entry.Model, null));

        var seen = new HashSet<(AgentKind, string)>();
        return fromProfiles.Concat(fromTraits)
            .Where(candidate => seen.Add((candidate.Agent, candidate.Model.ToLowerInvariant())))
            .ToList();
    }

    private static bool IsLive(DiscoveredProfile profile) =>
        profile.Source is ProfileSource.ClaudeSettings or ProfileSource.CodexConfig || (profile.IsCurrent && profile.Source == ProfileSource.CcSwitch);

    private static int Precedence(DiscoveredProfile profile) => profile.Source switch
    {
        ProfileSource.AgentDeck => 0,
        ProfileSource.ClaudeSettings or ProfileSource.CodexConfig => 1,
        ProfileSource.CodexProfileFile => 2,
        _ when profile.IsCurrent => 3,
        _ => 4,
    };
}
