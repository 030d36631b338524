namespace AgentDeck.Core.Processes;

/// <summary>The signals AgentDeck sends. Values are the POSIX signal numbers.</summary>
public enum ProcessSignal
{
    Hangup = 1,
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}
