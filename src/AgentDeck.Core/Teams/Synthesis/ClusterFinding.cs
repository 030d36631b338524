using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>One member's finding inside a cluster: which run and role said it, and what.</summary>
public sealed record ClusterFinding(string Run, string Role, string FindingId, string Claim, FindingVerdict Verdict, Severity Severity, double Confidence);
