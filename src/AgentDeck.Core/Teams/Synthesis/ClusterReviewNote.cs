using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>A reviewer's verdict on one cluster, with who gave it.</summary>
public sealed record ClusterReviewNote(string Run, string Role, string Cluster, ReviewVerdict Verdict, string Reason);
