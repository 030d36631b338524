namespace AgentDeck.Cli.Commands.SimulateAgent;

public enum TurnEndKind
{
    Completed,
    Interrupted,
    Failed,
}
