namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// The order clusters are shown in: highest severity, then most support, then by file, line and id so that equal
/// clusters still come out in one fixed order.
/// </summary>
public static class ClusterOrder
{
    public static List<FindingCluster> Sort(IEnumerable<FindingCluster> clusters) => clusters
        .OrderBy(c => c.Severity)
        .ThenByDescending(c => c.Support)
        .ThenBy(c => c.Path is null)
        .ThenBy(c => c.Path, StringComparer.Ordinal)
        .ThenBy(c => c.Lines?.Start ?? 0)
        .ThenBy(c => c.Id, StringComparer.Ordinal)
        .ToList();
}
