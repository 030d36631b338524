using AgentDeck.Core.Teams.Repair;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Adds a cross-review round to a synthesis: each valid reviewer's <c>reviews</c> become notes on the clusters they
/// name (a reviewer's later note on a cluster replaces its earlier one), every touched cluster is marked again
/// (<see cref="ClusterMarking"/>), and the order is redone. A reviewer who is not a member joins the runs every
/// cluster's <c>Of</c> counts. Notes naming an unknown cluster are kept in <see cref="TeamSynthesis.UnmatchedReviews"/>.
/// A reviewer's own new findings are not merged here: they belong in the next synthesis.
/// </summary>
public static class ReviewMerger
{
    public static TeamSynthesis Merge(TeamSynthesis synthesis, IEnumerable<MemberReport> reviewers)
    {
        var ordered = reviewers.Where(r => r.Status == MemberStatus.Valid).OrderBy(r => r.Run, StringComparer.Ordinal).ToList();
        var notes = ordered
            .SelectMany(r => r.Result.Reviews.Select(v => new ClusterReviewNote(r.Run, r.Role, v.Cluster, v.Verdict, v.Reason)))
            .ToList();
        var known = synthesis.Clusters.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var validRuns = synthesis.ValidRuns.Union(ordered.Select(r => r.Run), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var clusters = synthesis.Clusters.Select(cluster =>
        {
            var added = notes.Where(n => n.Cluster == cluster.Id).ToList();
            var reviews = cluster.Reviews.Where(old => added.All(n => n.Run != old.Run)).Concat(added).ToList();
            return ClusterMarking.Mark(cluster with { Reviews = reviews, Of = validRuns.Count });
        });

        return synthesis with
        {
            Clusters = ClusterOrder.Sort(clusters),
            ValidRuns = validRuns,
            UnmatchedReviews = [.. synthesis.UnmatchedReviews, .. notes.Where(n => !known.Contains(n.Cluster))],
        };
    }
}
