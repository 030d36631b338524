namespace AgentDeck.Cli.Commands.SimulateAgent;

public enum SimulatorMessageKind
{
    /// <summary>A user message: a new turn when idle, a steer while a turn runs.</summary>
    User,

    /// <summary>Stop the running turn; the agent stays up for the next message.</summary>
    Interrupt,
}
