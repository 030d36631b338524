namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>Whether the members with valid results agree on <c>goal_met</c>.</summary>
public enum GoalMarker
{
    Agreed,
    Conflict,
    NoResults,
}
