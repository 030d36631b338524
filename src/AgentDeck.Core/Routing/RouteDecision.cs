namespace AgentDeck.Core.Routing;

/// <summary>
/// Where one role goes: the chosen candidate (null when nothing fits), the expected cost of a run (null = unknown),
/// the score it won with, a one-line reason and the candidate to escalate to when a run fails.
/// </summary>
public sealed record RouteDecision(
    string Role,
    RolePermission Permission,
    RoutingCandidate? Choice,
    decimal? ExpectedCostUsd,
    double Score,
    string Reason,
    RoutingCandidate? Fallback)
{
    /// <summary>Every candidate that was weighed, in the order given, with what routing made of it.</summary>
    public IReadOnlyList<CandidateVerdict> Considered { get; init; } = [];
}
