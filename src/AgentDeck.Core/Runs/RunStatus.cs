namespace AgentDeck.Core.Runs;

/// <summary>A run's state, always derived from the agent's protocol and the supervisor, never from screen text.</summary>
public enum RunStatus
{
    Queued,
    Starting,
    Running,
    Waiting,
    Idle,
    Succeeded,
    Failed,
    Interrupted,
    Stopped,
    Lost,
}
