namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// A member's <c>agentdeck.result.v1</c> block. <see cref="Reviews"/> is empty except in a reviewer's result.
/// </summary>
public sealed record MemberResult(
    bool GoalMet,
    string Summary,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Followups,
    IReadOnlyList<ClusterReview> Reviews);
