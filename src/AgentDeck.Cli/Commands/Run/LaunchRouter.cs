using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;
using AgentDeck.Discovery.Routing;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// Applies routing to a launch: a role without an agent runs its route (agent, model, profile); a role with an agent
/// but no model or profile takes the route's model for that agent (its own default when routing knows no model of it);
/// anything the person named is kept. A role with no route is refused before a run is created, with every candidate
/// and why it was left out.
/// </summary>
public sealed class LaunchRouter(CliContext context, LaunchPlanner planner)
{
    public LaunchChoice Choose(AgentKind? agent, string? roleName, string? model, string? profile)
    {
        var role = planner.Role(roleName);
        if (agent is not { } named)
        {
            if (role is null)
            {
                throw CliException.Usage("say which agent runs it: give --agent, or --role to run the role's route");
            }

            if (model is not null || profile is not null)
            {
                throw CliException.Usage("--model and --profile choose for an agent: give --agent too, or leave them out to run the route");
            }
        }
        else if (role is null || model is not null || profile is not null)
        {
            return new LaunchChoice(named, model, profile, planner.ModelFor(named, model, profile), null);
        }

        // The run writes to the ledger anyway; opening it for writing first lets an older ledger be upgraded before
        // routing reads its history.
        context.OpenLedger();
        var routing = new RoleRouting(context, planner.Discovery);
        var decision = routing.Route(role, agent);
        if (agent is { } only && decision.Considered.Count == 0)
        {
            // Routing knows no model of this agent (e.g. OpenCode without a profile): the agent's own default runs, unrouted.
            return new LaunchChoice(only, null, null, null, null);
        }

        if (decision.Choice is not { } choice)
        {
            throw new CliException(NoRouteMessage.For(decision, routing.AgentsWithoutCandidates(decision.Considered.Select(v => v.Candidate).ToList(), agent), agent));
        }

        var modelFlag = choice.Profile is { } name && planner.Discovery.Profiles.Find(name, choice.Agent) is { } chosen
            ? RoutingService.ModelFlagFor(chosen, choice.Model)
            : choice.Model;
        var route = new RunRoute(choice.Agent.ToName(), choice.Model, choice.Profile, decision.Reason);
        return new LaunchChoice(choice.Agent, modelFlag, choice.Profile, choice.Model, route);
    }
}
