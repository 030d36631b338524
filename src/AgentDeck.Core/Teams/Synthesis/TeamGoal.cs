namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// The team's word on its goal: how many valid members say it is met and how many say not;
/// <see cref="GoalMet"/> is null unless they all agree.
/// </summary>
public sealed record TeamGoal(GoalMarker Marker, int Met, int NotMet)
{
    public bool? GoalMet => Marker == GoalMarker.Agreed ? Met > 0 : null;

    public static TeamGoal Of(int met, int notMet) => new(
        met + notMet == 0 ? GoalMarker.NoResults : met > 0 && notMet > 0 ? GoalMarker.Conflict : GoalMarker.Agreed,
        met,
        notMet);
}
