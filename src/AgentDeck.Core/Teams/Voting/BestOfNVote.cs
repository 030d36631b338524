namespace AgentDeck.Core.Teams.Voting;

/// <summary>
/// Best-of-N by agreement: passing candidates are grouped by identical diff, and the largest group wins, since
/// independent attempts arriving at the same change is the best sign it is right. A tie for largest is reported,
/// not broken by chance.
/// </summary>
public static class BestOfNVote
{
    public static VoteOutcome Decide(IEnumerable<VoteCandidate> candidates)
    {
        var groups = candidates
            .Where(c => c.Passed)
            .GroupBy(c => c.DiffHash, StringComparer.Ordinal)
            .Select(g => new DiffGroup(g.Key, g.Select(c => c.Run).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(g => g.Runs.Count)
            .ThenBy(g => g.DiffHash, StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0)
        {
            return new VoteOutcome(VoteOutcomeKind.NoPassingCandidate, [], []);
        }

        var leaders = groups.TakeWhile(g => g.Runs.Count == groups[0].Runs.Count).ToList();
        return new VoteOutcome(leaders.Count == 1 ? VoteOutcomeKind.Winner : VoteOutcomeKind.Tie, leaders, groups);
    }
}
