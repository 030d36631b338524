namespace AgentDeck.Core.Runs;

/// <summary>Which of the agent process's output streams a line came from.</summary>
public enum RunStream
{
    Stdout,
    Stderr,
}
