namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>What running a simulated tool gave: its output text, whether it failed, and the exit code of a command.</summary>
public sealed record ToolOutcome(string Output, bool IsError, int? ExitCode = null, bool Denied = false)
{
    public static ToolOutcome Refused(string message) => new(message, true, Denied: true);
}
