namespace AgentDeck.Core.Teams.Voting;

/// <summary>Passing candidates that produced the identical diff, runs in order.</summary>
public sealed record DiffGroup(string DiffHash, IReadOnlyList<string> Runs);
