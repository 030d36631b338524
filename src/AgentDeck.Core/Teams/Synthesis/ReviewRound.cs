namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>Tells whether a cross-review round moved anything, so rounds stop once one changes no cluster.</summary>
public static class ReviewRound
{
    /// <summary>True when any cluster's marker, verdict or support differs between the two syntheses.</summary>
    public static bool ChangedAnyVerdict(TeamSynthesis before, TeamSynthesis after)
    {
        var earlier = before.Clusters.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return after.Clusters.Count != before.Clusters.Count
            || after.Clusters.Any(c => !earlier.TryGetValue(c.Id, out var old)
                || old.Marker != c.Marker || old.Verdict != c.Verdict || old.Support != c.Support);
    }
}
