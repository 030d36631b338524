namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>How a simulated turn ended: completed with a final text, interrupted (with the tool it cut short), or failed.</summary>
public sealed record TurnEnd(TurnEndKind Kind, string? FinalText = null, SimulatedToolCall? AbortedTool = null, int? HttpStatus = null)
{
    public static TurnEnd Completed(string? finalText) => new(TurnEndKind.Completed, finalText);

    public static TurnEnd Interrupted(SimulatedToolCall? abortedTool) => new(TurnEndKind.Interrupted, AbortedTool: abortedTool);

    public static TurnEnd Failed(string message, int status) => new(TurnEndKind.Failed, message, HttpStatus: status);
}
