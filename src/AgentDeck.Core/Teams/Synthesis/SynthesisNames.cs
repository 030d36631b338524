namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>Markers as they are written in JSON and shown on screen.</summary>
public static class SynthesisNames
{
    public static string ToName(this ClusterMarker marker) => marker switch
    {
        ClusterMarker.Agreed => "agreed",
        ClusterMarker.Conflict => "conflict",
        ClusterMarker.Unique => "unique",
        ClusterMarker.Disputed => "disputed",
        _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, null),
    };

    public static string ToName(this GoalMarker marker) => marker switch
    {
        GoalMarker.Agreed => "agreed",
        GoalMarker.Conflict => "conflict",
        GoalMarker.NoResults => "no_results",
        _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, null),
    };
}
