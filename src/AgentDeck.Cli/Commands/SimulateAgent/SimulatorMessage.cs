namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>What a stdin line asks a simulated agent to do: start a turn or steer the running one (text), or interrupt it.</summary>
public sealed record SimulatorMessage(SimulatorMessageKind Kind, string Text = "")
{
    public static SimulatorMessage User(string text) => new(SimulatorMessageKind.User, text);

    public static SimulatorMessage Interrupt { get; } = new(SimulatorMessageKind.Interrupt);
}
