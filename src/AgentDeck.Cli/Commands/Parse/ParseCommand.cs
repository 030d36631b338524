using System.CommandLine;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Parse;

/// <summary><c>agentdeck parse --agent A FILE|-</c>: prints an agent transcript as normalized events, one JSON per line.</summary>
public static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var agent = AgentOption.Create();
        var exitCode = new Option<int?>("--exit-code") { Description = "The agent's exit code, when known: closes a turn the stream left open." };
        var file = new Argument<string>("FILE") { Description = "Transcript file, or - for standard input." };
        var command = new Command("parse", "Print an agent CLI's output as normalized AgentDeck events (JSON lines).")
        {
            agent, exitCode, file,
        };
        command.SetAction(result => new ParseHandler(context).Run(
            AgentOption.Parse(result.GetRequiredValue(agent)),
            result.GetRequiredValue(file),
            result.GetValue(exitCode)));
        return command;
    }
}
