namespace AgentDeck.Core.Routing;

/// <summary>The routing decision for every role, in role order.</summary>
public sealed record RoutingPlan(IReadOnlyList<RouteDecision> Decisions)
{
    public RouteDecision? For(string role) =>
        Decisions.FirstOrDefault(decision => string.Equals(decision.Role, role, StringComparison.OrdinalIgnoreCase));
}
