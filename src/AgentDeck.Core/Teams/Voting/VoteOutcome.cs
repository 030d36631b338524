namespace AgentDeck.Core.Teams.Voting;

/// <summary>
/// The result of a best-of-N vote. <see cref="Leaders"/> holds the winning group, or every group in the tie;
/// <see cref="Groups"/> all passing groups, largest first.
/// </summary>
public sealed record VoteOutcome(VoteOutcomeKind Kind, IReadOnlyList<DiffGroup> Leaders, IReadOnlyList<DiffGroup> Groups)
{
    public DiffGroup? Winner => Kind == VoteOutcomeKind.Winner ? Leaders[0] : null;
}
