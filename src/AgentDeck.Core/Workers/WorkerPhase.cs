namespace AgentDeck.Core.Workers;

/// <summary>What a running worker is doing right now, from its events.</summary>
public enum WorkerPhase
{
    None,
    Thinking,
    Tool,
    Responding,

    /// <summary>The agent retries a failed model API call (see <see cref="WorkerActivity.PhaseText"/> for which and how often).</summary>
    Retrying,
}
