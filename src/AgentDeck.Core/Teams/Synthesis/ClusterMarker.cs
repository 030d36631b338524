namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// How a cluster stands: <see cref="Agreed"/> (two or more members, or confirming reviewers, with one verdict),
/// <see cref="Conflict"/> (members give opposite verdicts at one place), <see cref="Unique"/> (one member), or
/// <see cref="Disputed"/> (cross-review refuted it more than it confirmed it).
/// </summary>
public enum ClusterMarker
{
    Agreed,
    Conflict,
    Unique,
    Disputed,
}
