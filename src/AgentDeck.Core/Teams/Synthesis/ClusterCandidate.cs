using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>A finding as the clusterer sees it: who said it, where (if anywhere usable) and its claim's tokens.</summary>
internal sealed record ClusterCandidate(string Run, string Role, Finding Finding, string? Path, LineRange? Lines, ClaimVector Claim, bool StaysAlone);
