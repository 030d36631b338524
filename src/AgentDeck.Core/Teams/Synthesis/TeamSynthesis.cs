namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// The team's findings clustered, most severe and best supported first. <see cref="ValidRuns"/> are the runs whose
/// results count (their number is every cluster's <c>Of</c>); <see cref="InvalidRuns"/> are members marked
/// <c>result_invalid</c>; <see cref="UnmatchedReviews"/> are review notes naming no cluster of this synthesis.
/// </summary>
public sealed record TeamSynthesis(
    IReadOnlyList<FindingCluster> Clusters,
    TeamGoal Goal,
    IReadOnlyList<string> ValidRuns,
    IReadOnlyList<string> InvalidRuns,
    IReadOnlyList<ClusterReviewNote> UnmatchedReviews);
