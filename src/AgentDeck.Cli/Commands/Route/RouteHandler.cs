using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery;

namespace AgentDeck.Cli.Commands.Route;

/// <summary>Builds the plan from discovery, the installed CLIs and the ledger's history.</summary>
public sealed class RouteHandler(CliContext context)
{
    public int Run(string? role, string? team, bool json)
    {
        if (role is not null && team is not null)
        {
            throw CliException.Usage("use either --role or --team, not both");
        }

        var discovery = context.Discover();
        var known = discovery.Catalogs.Roles.Select(r => r.Name).ToList();
        var wanted = (role is not null ? [role] : team?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []).ToList();
        foreach (var name in wanted.Where(name => !known.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            throw CliException.Usage($"unknown role '{name}'; known roles: {string.Join(", ", known)}");
        }

        var full = new RoleRouting(context, discovery).Plan();

        // The roles in the order asked for: a team's order is its own (who plans, who builds, who checks).
        var plan = wanted.Count == 0
            ? full
            : new RoutingPlan(wanted.Distinct(StringComparer.OrdinalIgnoreCase).Select(name => full.For(name)!).ToList());
        if (json)
        {
            context.Console.Out.WriteLine(DiscoveryJson.Serialize(plan));
            return ExitCodes.Ok;
        }

        TextTable.Write(context.Console.Out, RoutingPlanPresenter.Rows(plan).Prepend(RoutingPlanPresenter.Header)
            .Select(r => new[] { r.Role, r.Access, r.Agent, r.Model, r.Profile, r.Cost, r.Fallback, r.Reason }).ToList());
        return ExitCodes.Ok;
    }
}
