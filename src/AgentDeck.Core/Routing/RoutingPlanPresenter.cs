using System.Globalization;

namespace AgentDeck.Core.Routing;

/// <summary>Turns a routing plan into rows of text. Pure, so a TUI panel and the CLI show the same thing.</summary>
public static class RoutingPlanPresenter
{
    public const string None = "—";

    public static RoutingPlanRow Header { get; } = new("Role", "Access", "Agent", "Model", "Profile", "Cost/run", "Fallback", "Reason");

    public static IReadOnlyList<RoutingPlanRow> Rows(RoutingPlan plan) => plan.Decisions.Select(Row).ToList();

    public static RoutingPlanRow Row(RouteDecision decision) => new(
        decision.Role,
        decision.Permission == RolePermission.Write ? "write" : "read-only",
        decision.Choice?.Agent.ToName() ?? None,
        decision.Choice?.Model ?? None,
        decision.Choice?.Profile ?? None,
        FormatCost(decision),
        decision.Fallback?.ToString() ?? None,
        decision.Reason);

    public static string FormatCost(RouteDecision decision) => decision switch
    {
        { Choice: null } => None,
        { ExpectedCostUsd: null } => "unknown",
        { ExpectedCostUsd: var cost } => "$" + cost.Value.ToString("0.00##", CultureInfo.InvariantCulture),
    };
}
