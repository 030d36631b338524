using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// A cluster's verdict, support and marker, from its findings and reviews alone (so a review round only has to add
/// notes and mark again):
/// <list type="number">
/// <item>each reviewer's latest note counts; more refutes than confirms → <see cref="ClusterMarker.Disputed"/>;</item>
/// <item>else members with both verdicts → <see cref="ClusterMarker.Conflict"/>;</item>
/// <item>else two or more supporters → <see cref="ClusterMarker.Agreed"/>, one → <see cref="ClusterMarker.Unique"/>.</item>
/// </list>
/// The verdict is the one more members give (issue on a tie: the cautious reading); supporters are the members
/// giving it plus the reviewers confirming it, each run once.
/// </summary>
public static class ClusterMarking
{
    public static FindingCluster Mark(FindingCluster cluster)
    {
        var issue = Runs(cluster.Findings, FindingVerdict.Issue);
        var ok = Runs(cluster.Findings, FindingVerdict.Ok);
        var verdict = ok.Count > issue.Count ? FindingVerdict.Ok : FindingVerdict.Issue;
        var latest = cluster.Reviews.GroupBy(r => r.Run, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var confirms = latest.Where(r => r.Verdict == ReviewVerdict.Confirm).Select(r => r.Run).ToList();
        var refutes = latest.Where(r => r.Verdict == ReviewVerdict.Refute).OrderBy(r => r.Run, StringComparer.Ordinal).ToList();

        var supporters = new HashSet<string>(verdict == FindingVerdict.Issue ? issue : ok, StringComparer.Ordinal);
        supporters.UnionWith(confirms);
        var marker = refutes.Count > confirms.Count ? ClusterMarker.Disputed
            : issue.Count > 0 && ok.Count > 0 ? ClusterMarker.Conflict
            : supporters.Count >= 2 ? ClusterMarker.Agreed
            : ClusterMarker.Unique;
        var reason = marker == ClusterMarker.Disputed ? string.Join("; ", refutes.Select(r => $"{r.Role}: {r.Reason}")) : null;
        return cluster with { Marker = marker, Support = supporters.Count, Verdict = verdict, DisputeReason = reason };
    }

    private static HashSet<string> Runs(IEnumerable<ClusterFinding> findings, FindingVerdict verdict) =>
        findings.Where(f => f.Verdict == verdict).Select(f => f.Run).ToHashSet(StringComparer.Ordinal);
}
