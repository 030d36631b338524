using AgentDeck.Core.Teams.Repair;
using AgentDeck.Core.Teams.Results;
using AgentDeck.Core.Teams.Synthesis;
using static AgentDeck.Core.Tests.Teams.TeamFixtures;

namespace AgentDeck.Core.Tests.Teams;

public sealed class TeamSynthesizerTests
{
    private static MemberReport[] SameIssueThreeWays() =>
    [
        Member("run-a", "security", Issue("f1", "SQL injection in login()", "src/auth.py", "40-52", Severity.Critical)),
        Member("run-b", "review", Issue("f1", "login() builds SQL from user input unescaped", "src/auth.py", "44-46", Severity.High)),
        Member("run-c", "architecture", Issue("x7", "User-supplied name is concatenated into the login() query", "./src/auth.py", "50-58", Severity.High)),
    ];

    [Fact]
    public void Given_the_same_issue_worded_three_ways_by_three_members_When_synthesized_Then_one_agreed_3_of_3_cluster()
    {
        var synthesis = TeamSynthesizer.Synthesize(SameIssueThreeWays());

        var cluster = Assert.Single(synthesis.Clusters);
        Assert.Equal((ClusterMarker.Agreed, 3, 3), (cluster.Marker, cluster.Support, cluster.Of));
        Assert.Equal((Severity.Critical, "src/auth.py", new LineRange(40, 58)), (cluster.Severity, cluster.Path, cluster.Lines!.Value));
        Assert.Equal(["run-a", "run-b", "run-c"], cluster.Findings.Select(f => f.Run));
        Assert.Equal(ClusterId.Of("run-a", "f1"), cluster.Id);
    }

    [Fact]
    public void Given_the_same_issue_worded_three_ways_without_places_When_synthesized_Then_one_agreed_cluster_by_claim()
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "SQL injection in login()")),
            Member("run-b", "review", Issue("f1", "login() builds SQL from user input unescaped")),
            Member("run-c", "testing", Issue("f1", "login() is open to SQL injection through the name field")),
            Member("run-d", "ops", Issue("f1", "No log rotation for the worker logs")),
        ]);

        Assert.Equal([(ClusterMarker.Agreed, 3, 4), (ClusterMarker.Unique, 1, 4)], synthesis.Clusters.Select(c => (c.Marker, c.Support, c.Of)));
        Assert.Null(synthesis.Clusters[0].Path);
    }

    [Fact]
    public void Given_opposite_verdicts_at_one_place_When_synthesized_Then_one_conflict_cluster()
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "login() concatenates the name into the SQL query", "src/auth.py", "40-52")),
            Member("run-b", "review", Ok("f3", "login() is safe: the SQL query is parameterised", "src/auth.py", "42-48")),
            Member("run-c", "testing", Issue("f2", "SQL injection in login() via the name field", "src/auth.py", "44")),
        ]);

        var cluster = Assert.Single(synthesis.Clusters);
        Assert.Equal((ClusterMarker.Conflict, FindingVerdict.Issue, 2), (cluster.Marker, cluster.Verdict, cluster.Support));
        Assert.Equal([FindingVerdict.Issue, FindingVerdict.Ok, FindingVerdict.Issue], cluster.Findings.Select(f => f.Verdict));
    }

    public static TheoryData<string, string, string, string, string> Separate => new()
    {
        { "far apart, different claims", "src/auth.py", "10-12", "src/auth.py", "400-420" },
        { "near, different claims", "src/auth.py", "10-12", "src/auth.py", "14-15" },
        { "same lines of different files", "src/auth.py", "10-12", "src/users.py", "10-12" },
    };

    [Theory]
    [MemberData(nameof(Separate))]
    public void Given_unrelated_findings_When_synthesized_Then_they_stay_separate_unique_clusters(string _, string pathA, string linesA, string pathB, string linesB)
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "hash_password() uses MD5", pathA, linesA)),
            Member("run-b", "review", Issue("f1", "The retry loop never backs off", pathB, linesB)),
        ]);

        Assert.Equal([ClusterMarker.Unique, ClusterMarker.Unique], synthesis.Clusters.Select(c => c.Marker));
    }

    [Fact]
    public void Given_the_same_claim_far_apart_in_one_file_When_synthesized_Then_two_clusters()
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "SQL injection in the query builder", "src/db.py", "10-12")),
            Member("run-b", "review", Issue("f1", "SQL injection in the query builder", "src/db.py", "300-310")),
        ]);

        Assert.Equal(2, synthesis.Clusters.Count);
    }

    [Fact]
    public void Given_one_member_with_two_similar_findings_side_by_side_When_synthesized_Then_they_stay_two_clusters_until_another_member_links_them()
    {
        var alone = TeamSynthesizer.Synthesize([Member("run-a", "security", Issue("f1", "SQL injection in login()", "src/auth.py", "40"), Issue("f2", "SQL injection in login() again", "src/auth.py", "44"))]);
        var linked = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "SQL injection in login()", "src/auth.py", "40"), Issue("f2", "SQL injection in login() again", "src/auth.py", "44")),
            Member("run-b", "review", Issue("f1", "login() builds SQL from user input unescaped", "src/auth.py", "40-44")),
        ]);

        Assert.Equal(2, alone.Clusters.Count);
        Assert.Equal((ClusterMarker.Agreed, 2), (Assert.Single(linked.Clusters).Marker, linked.Clusters[0].Support));
    }

    [Fact]
    public void Given_members_in_any_order_When_synthesized_Then_the_output_is_the_same()
    {
        MemberReport[] members =
        [
            .. SameIssueThreeWays(),
            Member("run-d", "ops", false, Issue("f1", "No log rotation for the worker logs", severity: Severity.Low), Ok("f2", "Config file is read once", "src/config.py", "1-20")),
            Member("run-e", "review", Issue("f1", "hash_password() uses MD5", "src/auth.py", "200-210", Severity.Critical), Issue("f2", "Worker logs are never rotated", severity: Severity.Medium)),
        ];
        var expected = Describe(TeamSynthesizer.Synthesize(members));

        foreach (var order in Permutations(members))
        {
            Assert.Equal(expected, Describe(TeamSynthesizer.Synthesize(order)));
        }
    }

    [Fact]
    public void Given_clusters_of_several_severities_When_synthesized_Then_highest_severity_then_support_come_first()
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "Typo in the help text of init", "src/cli.py", "5", Severity.Low), Issue("f2", "hash_password() uses MD5", "src/auth.py", "200", Severity.Critical)),
            Member("run-b", "review", Issue("f1", "Typo in init's help text", "src/cli.py", "5", Severity.Low), Issue("f2", "render() allocates per frame", "src/ui.py", "9", Severity.Medium)),
            Member("run-c", "testing", Issue("f1", "No test covers export()", "src/export.py", "1", Severity.Low)),
        ]);

        Assert.Equal(
            [(Severity.Critical, 1), (Severity.Medium, 1), (Severity.Low, 2), (Severity.Low, 1)],
            synthesis.Clusters.Select(c => (c.Severity, c.Support)));
    }

    [Fact]
    public void Given_members_disagreeing_on_goal_met_When_synthesized_Then_the_team_summary_has_a_goal_conflict()
    {
        var agreed = TeamSynthesizer.Synthesize([Member("run-a", "review", true), Member("run-b", "testing", true)]);
        var conflict = TeamSynthesizer.Synthesize([Member("run-a", "review", true), Member("run-b", "testing", false)]);

        Assert.Equal((GoalMarker.Agreed, true), (agreed.Goal.Marker, agreed.Goal.GoalMet));
        Assert.Equal((GoalMarker.Conflict, (bool?)null, 1, 1), (conflict.Goal.Marker, conflict.Goal.GoalMet, conflict.Goal.Met, conflict.Goal.NotMet));
    }

    [Fact]
    public void Given_a_result_invalid_member_When_synthesized_Then_its_free_text_is_its_own_cluster_and_it_is_not_counted_in_N()
    {
        var step = ResultRepairPolicy.Decide("run-x", "ops", "SQL injection in login(), I think.", repairsSoFar: 1);
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "SQL injection in login()")),
            step.Report!,
        ]);

        Assert.Equal(["run-a"], synthesis.ValidRuns);
        Assert.Equal(["run-x"], synthesis.InvalidRuns);
        Assert.Equal(2, synthesis.Clusters.Count);
        Assert.All(synthesis.Clusters, c => Assert.Equal((ClusterMarker.Unique, 1), (c.Marker, c.Of)));
    }

    [Fact]
    public void Given_a_member_repeating_a_finding_id_When_synthesized_Then_cluster_ids_stay_unique()
    {
        var synthesis = TeamSynthesizer.Synthesize([Member("run-a", "review", Issue("f1", "hash_password() uses MD5"), Issue("f1", "Retry loop never backs off"))]);

        Assert.Equal(2, synthesis.Clusters.Select(c => c.Id).Distinct().Count());
    }

    private static string Describe(TeamSynthesis synthesis) => string.Join(
        "\n",
        synthesis.Clusters.Select(c => $"{c.Id} {c.Marker} {c.Support}/{c.Of} {c.Severity} {c.Path}:{c.Lines} [{string.Join(", ", c.Findings.Select(f => $"{f.Run}/{f.FindingId}/{f.Verdict}"))}]"))
        + $"\ngoal {synthesis.Goal} valid {string.Join(",", synthesis.ValidRuns)}";

    private static IEnumerable<MemberReport[]> Permutations(MemberReport[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (MemberReport[])[item, .. rest]));
}
