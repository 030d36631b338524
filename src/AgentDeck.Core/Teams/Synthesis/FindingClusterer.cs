namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Groups findings that are about one thing. Every pair that passes <see cref="ClusteringThresholds"/> is joined, and
/// the groups are what is joined to what, directly or through others (single linkage). Only pairs that can pass are
/// compared: findings with a place only against findings in the same file, findings without one only against each
/// other. Two findings of one member never join directly: by its own account they are separate claims. Groups come
/// back in the order of their first candidate, each listing its candidates in input order.
/// </summary>
internal static class FindingClusterer
{
    public static List<List<int>> Group(IReadOnlyList<ClusterCandidate> candidates, ClusteringThresholds thresholds)
    {
        var sets = new DisjointSets(candidates.Count);
        var byFile = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var placeless = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].StaysAlone)
            {
                continue;
            }

            if (candidates[i].Path is { } path)
            {
                (byFile.TryGetValue(path, out var list) ? list : byFile[path] = []).Add(i);
            }
            else
            {
                placeless.Add(i);
            }
        }

        foreach (var file in byFile.Values)
        {
            JoinSimilar(candidates, file, sets, (a, b) => Near(a, b, thresholds.NearLines), thresholds.SamePlaceSimilarity);
        }

        JoinSimilar(candidates, placeless, sets, (_, _) => true, thresholds.NoPlaceSimilarity);

        var groups = new Dictionary<int, List<int>>();
        var order = new List<List<int>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var root = sets.Find(i);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = [];
                order.Add(group);
            }

            group.Add(i);
        }

        return order;
    }

    private static void JoinSimilar(
        IReadOnlyList<ClusterCandidate> candidates,
        List<int> items,
        DisjointSets sets,
        Func<ClusterCandidate, ClusterCandidate, bool> near,
        double threshold)
    {
        for (var x = 0; x < items.Count; x++)
        {
            for (var y = x + 1; y < items.Count; y++)
            {
                if (sets.Find(items[x]) == sets.Find(items[y]))
                {
                    continue;
                }

                var a = candidates[items[x]];
                var b = candidates[items[y]];
                if (a.Run != b.Run && near(a, b) && ClaimSimilarity.Of(a.Claim, b.Claim) >= threshold)
                {
                    sets.Join(items[x], items[y]);
                }
            }
        }
    }

    private static bool Near(ClusterCandidate a, ClusterCandidate b, int nearLines) =>
        a.Lines is not { } linesA || b.Lines is not { } linesB || linesA.GapTo(linesB) <= nearLines;
}
