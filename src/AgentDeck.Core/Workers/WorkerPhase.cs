namespace AgentDeck.Core.Workers;

/// <summary>What a running worker is doing right now, from its events.</summary>
public enum WorkerPhase
{
    None,
    Thinking,
    Tool,
    Responding,
}
