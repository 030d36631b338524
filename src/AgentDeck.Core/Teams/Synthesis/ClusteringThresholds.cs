namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// When two findings join one cluster (see docs/team-results.md):
/// <list type="bullet">
/// <item>both have a place in the repository: same file, line ranges at most <see cref="NearLines"/> apart (a
/// finding about the whole file is near every line of it), and claim similarity at least
/// <see cref="SamePlaceSimilarity"/>: a low bar, because being at the same place already says much;</item>
/// <item>neither has a place: claim similarity at least <see cref="NoPlaceSimilarity"/>;</item>
/// <item>one has a place and the other not, different files, or the same member: never.</item>
/// </list>
/// </summary>
public sealed record ClusteringThresholds(int NearLines = 5, double SamePlaceSimilarity = 0.2, double NoPlaceSimilarity = 0.5)
{
    public static ClusteringThresholds Default { get; } = new();
}
