using AgentDeck.Core.Teams.Repair;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Clusters the findings of all members and marks each cluster (see <see cref="FindingClusterer"/> for when
/// findings meet and <see cref="ClusterMarking"/> for the markers). Pure: the same reports give the same synthesis,
/// in whatever order the members come, because members are taken in run-id order first.
/// A <c>result_invalid</c> member's free-text finding is its own cluster: a whole answer is not one claim.
/// </summary>
public static class TeamSynthesizer
{
    public static TeamSynthesis Synthesize(IEnumerable<MemberReport> members, ClusteringThresholds? thresholds = null, ClaimWords? words = null)
    {
        var ordered = members.OrderBy(m => m.Run, StringComparer.Ordinal).ThenBy(m => m.Role, StringComparer.Ordinal).ToList();
        var valid = ordered.Where(m => m.Status == MemberStatus.Valid).ToList();
        var vocabulary = new ClaimVocabulary(words ?? ClaimWords.Default);
        var candidates = ordered
            .SelectMany(m => m.Result.Findings.Select(f => Candidate(m, f, vocabulary)))
            .ToList();

        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var clusters = FindingClusterer.Group(candidates, thresholds ?? ClusteringThresholds.Default)
            .Select(group => Cluster(group.Select(i => candidates[i]).ToList(), valid.Count, usedIds))
            .Select(ClusterMarking.Mark);

        return new TeamSynthesis(
            ClusterOrder.Sort(clusters),
            TeamGoal.Of(valid.Count(m => m.Result.GoalMet), valid.Count(m => !m.Result.GoalMet)),
            valid.Select(m => m.Run).Distinct(StringComparer.Ordinal).ToList(),
            ordered.Where(m => m.Status != MemberStatus.Valid).Select(m => m.Run).ToList(),
            []);
    }

    private static ClusterCandidate Candidate(MemberReport member, Finding finding, ClaimVocabulary vocabulary)
    {
        var place = finding.Place;
        return new ClusterCandidate(
            member.Run,
            member.Role,
            finding,
            place?.Path,
            place?.Lines,
            vocabulary.Vector(finding.Claim),
            StaysAlone: member.Status != MemberStatus.Valid);
    }

    private static FindingCluster Cluster(List<ClusterCandidate> group, int of, HashSet<string> usedIds)
    {
        var first = group[0];
        var id = ClusterId.Of(first.Run, first.Finding.Id);
        for (var n = 2; !usedIds.Add(id); n++)
        {
            // Only a member repeating a finding id gets here; the suffix keeps the id unique and still stable.
            id = ClusterId.Of(first.Run, $"{first.Finding.Id}#{n}");
        }

        var lines = group.Select(c => c.Lines).OfType<LineRange>().ToList();
        return new FindingCluster(
            id,
            ClusterMarker.Unique,
            Support: 0,
            of,
            group.Min(c => c.Finding.Severity),
            FindingVerdict.Issue,
            first.Finding.Claim,
            group.Select(c => c.Path).FirstOrDefault(p => p is not null),
            lines.Count == 0 ? null : lines.Aggregate((a, b) => a.Union(b)),
            group.Select(c => new ClusterFinding(c.Run, c.Role, c.Finding.Id, c.Finding.Claim, c.Finding.Verdict, c.Finding.Severity, c.Finding.Confidence)).ToList(),
            [],
            null);
    }
}
