namespace AgentDeck.Core.Events;

/// <summary>How a turn ended, as the agent's own protocol reports it.</summary>
public enum TurnOutcome
{
    Succeeded,
    Failed,
    Interrupted,
}
