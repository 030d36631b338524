using AgentDeck.Core.Teams.Voting;

namespace AgentDeck.Core.Tests.Teams;

public sealed class BestOfNVoteTests
{
    [Fact]
    public void Given_candidates_When_the_largest_passing_group_is_alone_Then_it_wins()
    {
        var outcome = BestOfNVote.Decide(
        [
            new VoteCandidate("r1", "aaa", Passed: true),
            new VoteCandidate("r2", "bbb", Passed: true),
            new VoteCandidate("r3", "aaa", Passed: true),
            new VoteCandidate("r4", "bbb", Passed: false),
            new VoteCandidate("r5", "bbb", Passed: false),
        ]);

        Assert.Equal(VoteOutcomeKind.Winner, outcome.Kind);
        Assert.Equal(new[] { "r1", "r3" }, outcome.Winner!.Runs);
        Assert.Equal(["aaa", "bbb"], outcome.Groups.Select(g => g.DiffHash));
    }

    [Fact]
    public void Given_two_groups_of_equal_size_When_decided_Then_a_tie_is_reported_with_both()
    {
        var outcome = BestOfNVote.Decide([new("r2", "bbb", true), new("r1", "aaa", true)]);

        Assert.Equal(VoteOutcomeKind.Tie, outcome.Kind);
        Assert.Null(outcome.Winner);
        Assert.Equal(["aaa", "bbb"], outcome.Leaders.Select(g => g.DiffHash));
    }

    [Fact]
    public void Given_no_passing_candidate_When_decided_Then_nobody_wins()
    {
        var outcome = BestOfNVote.Decide([new("r1", "aaa", false)]);

        Assert.Equal((VoteOutcomeKind.NoPassingCandidate, 0), (outcome.Kind, outcome.Groups.Count));
    }
}
