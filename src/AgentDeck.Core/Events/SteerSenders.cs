namespace AgentDeck.Core.Events;

/// <summary>Which front end sent a steer message (<see cref="SteerSent.From"/>).</summary>
public static class SteerSenders
{
    public const string Cli = "cli";
    public const string Tui = "tui";
    public const string Mcp = "mcp";

    /// <summary>The sender as recorded: a known name, or <c>unknown</c> for anything else (an older front end says nothing).</summary>
    public static string Normalize(string? from) => from is Cli or Tui or Mcp ? from : "unknown";
}
