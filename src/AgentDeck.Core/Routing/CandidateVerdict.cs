namespace AgentDeck.Core.Routing;

/// <summary>
/// What routing made of one candidate for a role: why it was left out, or its score (null when it was left out
/// before scoring) and whether it won. Together they explain a route, and the lack of one.
/// </summary>
public sealed record CandidateVerdict(RoutingCandidate Candidate, string Verdict, double? Score = null, bool Chosen = false);
