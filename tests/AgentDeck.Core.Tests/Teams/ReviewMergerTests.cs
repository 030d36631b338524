using AgentDeck.Core.Teams.Results;
using AgentDeck.Core.Teams.Synthesis;
using static AgentDeck.Core.Tests.Teams.TeamFixtures;

namespace AgentDeck.Core.Tests.Teams;

public sealed class ReviewMergerTests
{
    private static readonly TeamSynthesis Team = TeamSynthesizer.Synthesize(
    [
        Member("run-a", "security", Issue("f1", "hash_password() uses MD5", "src/auth.py", "200-204", Severity.Critical)),
        Member("run-b", "review", Issue("f1", "The retry loop in fetch() never backs off", "src/net.py", "30-41", Severity.Medium)),
        Member("run-c", "testing", Issue("f1", "No test covers export()", "src/export.py", "1-80", Severity.Low)),
    ]);

    private static string Md5 => ClusterId.Of("run-a", "f1");
    private static string Retry => ClusterId.Of("run-b", "f1");

    private static FindingCluster Cluster(TeamSynthesis synthesis, string id) => synthesis.Clusters.Single(c => c.Id == id);

    [Fact]
    public void Given_a_unique_finding_confirmed_by_a_reviewer_When_merged_Then_it_gains_support_and_is_agreed()
    {
        var merged = ReviewMerger.Merge(Team, [Reviewer("run-b", "review", new ClusterReview(Md5, ReviewVerdict.Confirm, "MD5 at line 201"))]);

        var cluster = Cluster(merged, Md5);
        Assert.Equal((ClusterMarker.Agreed, 2, 3), (cluster.Marker, cluster.Support, cluster.Of));
        Assert.Equal("run-b", Assert.Single(cluster.Reviews).Run);
    }

    [Fact]
    public void Given_a_finding_refuted_by_reviewers_When_merged_Then_it_is_disputed_with_the_reason()
    {
        var merged = ReviewMerger.Merge(Team,
        [
            Reviewer("run-a", "security", new ClusterReview(Retry, ReviewVerdict.Refute, "fetch() sleeps 2^n seconds at line 38")),
            Reviewer("run-c", "testing", new ClusterReview(Retry, ReviewVerdict.Unsure, "could not run it")),
        ]);

        var cluster = Cluster(merged, Retry);
        Assert.Equal(ClusterMarker.Disputed, cluster.Marker);
        Assert.Equal("security: fetch() sleeps 2^n seconds at line 38", cluster.DisputeReason);
    }

    public static TheoryData<ReviewVerdict[], ClusterMarker> Tallies => new()
    {
        { [ReviewVerdict.Confirm, ReviewVerdict.Refute], ClusterMarker.Agreed },
        { [ReviewVerdict.Refute, ReviewVerdict.Refute], ClusterMarker.Disputed },
        { [ReviewVerdict.Unsure, ReviewVerdict.Unsure], ClusterMarker.Unique },
        { [ReviewVerdict.Confirm, ReviewVerdict.Unsure], ClusterMarker.Agreed },
    };

    [Theory]
    [MemberData(nameof(Tallies))]
    public void Given_two_reviewers_When_merged_Then_refutes_must_outnumber_confirms_to_dispute(ReviewVerdict[] verdicts, ClusterMarker expected)
    {
        var merged = ReviewMerger.Merge(Team, verdicts.Select((v, i) => Reviewer($"run-r{i}", "review", new ClusterReview(Md5, v, "looked"))));

        Assert.Equal(expected, Cluster(merged, Md5).Marker);
        Assert.Equal(5, Cluster(merged, Md5).Of);
    }

    [Fact]
    public void Given_a_second_round_When_the_same_reviewer_changes_its_mind_Then_its_latest_note_counts()
    {
        var first = ReviewMerger.Merge(Team, [Reviewer("run-b", "review", new ClusterReview(Md5, ReviewVerdict.Refute, "looked wrong"))]);
        var second = ReviewMerger.Merge(first, [Reviewer("run-b", "review", new ClusterReview(Md5, ReviewVerdict.Confirm, "looked again"))]);

        Assert.Equal(ClusterMarker.Disputed, Cluster(first, Md5).Marker);
        Assert.Equal((ClusterMarker.Agreed, 2), (Cluster(second, Md5).Marker, Cluster(second, Md5).Support));
        Assert.Equal("looked again", Assert.Single(Cluster(second, Md5).Reviews).Reason);
    }

    [Fact]
    public void Given_rounds_When_compared_Then_a_round_that_moves_nothing_says_so()
    {
        var review = Reviewer("run-b", "review", new ClusterReview(Md5, ReviewVerdict.Confirm, "yes"));
        var first = ReviewMerger.Merge(Team, [review]);
        var again = ReviewMerger.Merge(first, [review]);
        var unsure = ReviewMerger.Merge(Team, [Reviewer("run-b", "review", new ClusterReview(Md5, ReviewVerdict.Unsure, "?"))]);

        Assert.True(ReviewRound.ChangedAnyVerdict(Team, first));
        Assert.False(ReviewRound.ChangedAnyVerdict(first, again));
        Assert.False(ReviewRound.ChangedAnyVerdict(Team, unsure));
    }

    [Fact]
    public void Given_a_review_of_an_unknown_cluster_When_merged_Then_it_is_kept_aside_and_nothing_else_changes()
    {
        var merged = ReviewMerger.Merge(Team, [Reviewer("run-b", "review", new ClusterReview("c0000000", ReviewVerdict.Refute, "?"))]);

        Assert.Equal("c0000000", Assert.Single(merged.UnmatchedReviews).Cluster);
        Assert.False(ReviewRound.ChangedAnyVerdict(Team, merged));
    }

    [Fact]
    public void Given_a_result_invalid_reviewer_When_merged_Then_its_reviews_do_not_count_and_it_does_not_join_N()
    {
        var invalid = Reviewer("run-z", "review", new ClusterReview(Md5, ReviewVerdict.Refute, "no")) with { Status = AgentDeck.Core.Teams.Repair.MemberStatus.ResultInvalid };

        var merged = ReviewMerger.Merge(Team, [invalid]);

        Assert.Equal((ClusterMarker.Unique, 3), (Cluster(merged, Md5).Marker, Cluster(merged, Md5).Of));
    }
}
