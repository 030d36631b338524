using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Doctor;
using AgentDeck.Discovery.Routing;

namespace AgentDeck.Cli.Common;

/// <summary>
/// Routing as the CLI and the screen use it: the candidates this machine offers (installed agents, plus the
/// simulated stand-ins a demo names), the ledger's history, and the plan or one role's route among them.
/// </summary>
public sealed class RoleRouting(CliContext context, AgentDeckDiscovery discovery)
{
    private readonly RoutingService _router = discovery.CreateRouter();
    private IReadOnlyList<RunOutcomeSample>? _history;

    public AgentDeckDiscovery Discovery => discovery;

    private IReadOnlyList<RunOutcomeSample> History => _history ??= RunHistory.Samples(context);

    public IReadOnlySet<AgentKind> Installed { get; } =
        AgentDeckDiscovery.InstalledAgents(new PathExecutableLocator(context.DiscoveryEnvironment));

    /// <summary>The candidates of every usable agent, or of <paramref name="only"/> that agent.</summary>
    public IReadOnlyList<RoutingCandidate> Candidates(AgentKind? only = null)
    {
        var standIns = context.StandIns.Where(pair => only is null || pair.Key == only).ToList();
        var real = Installed.Where(agent => (only is null || agent == only) && !context.StandIns.ContainsKey(agent)).ToHashSet();
        var stoodIn = standIns.Select(pair => new RoutingCandidate(pair.Key, pair.Value, null)
        {
            Note = $"simulated stand-in for {pair.Key.ToName()} at its default model",
        });
        return [.. _router.Candidates(discovery.Profiles, real), .. stoodIn];
    }

    public RoutingPlan Plan() => _router.Plan(Candidates(), History);

    public RouteDecision Route(RoleDefinition role, AgentKind? only = null) =>
        _router.Route(role.Name, Candidates(only), History) ?? throw new InvalidOperationException($"role {role.Name} is not in the catalogue");

    /// <summary>Why an agent offered no candidate at all (not installed, or no model to run), for a "no route" message.</summary>
    public IEnumerable<string> AgentsWithoutCandidates(IReadOnlyList<RoutingCandidate> candidates, AgentKind? only = null) =>
        Enum.GetValues<AgentKind>()
            .Where(agent => (only is null || agent == only) && candidates.All(candidate => candidate.Agent != agent))
            .Select(agent => Installed.Contains(agent)
                ? $"{agent.ToName()}: installed, but no profile or trait entry names a model it can run"
                : $"{agent.ToName()}: not installed (not on PATH)");
}
