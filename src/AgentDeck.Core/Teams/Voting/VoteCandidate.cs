namespace AgentDeck.Core.Teams.Voting;

/// <summary>One best-of-N attempt: its run, the hash of its diff (the caller computes it) and whether its checks passed.</summary>
public sealed record VoteCandidate(string Run, string DiffHash, bool Passed);
