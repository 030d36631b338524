namespace AgentDeck.Core.Teams.Voting;

/// <summary>How a best-of-N vote ended.</summary>
public enum VoteOutcomeKind
{
    /// <summary>One diff has more passing candidates than any other.</summary>
    Winner,

    /// <summary>Two or more diffs share the largest group: a reviewer breaks the tie.</summary>
    Tie,

    /// <summary>No candidate passed.</summary>
    NoPassingCandidate,
}
