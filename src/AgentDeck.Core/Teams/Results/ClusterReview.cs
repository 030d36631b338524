namespace AgentDeck.Core.Teams.Results;

/// <summary>One entry of a reviewer's <c>reviews</c>: its verdict on the cluster with id <see cref="Cluster"/>.</summary>
public sealed record ClusterReview(string Cluster, ReviewVerdict Verdict, string Reason);
