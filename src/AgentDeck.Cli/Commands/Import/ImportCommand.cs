using System.CommandLine;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Import;

/// <summary><c>agentdeck import --agent A FILE [--exit-code N]</c>: records a transcript as a finished run and prints its id.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var agent = AgentOption.Create();
        var exitCode = new Option<int?>("--exit-code") { Description = "The agent's exit code (decides the outcome when the stream left a turn open)." };
        var role = new Option<string?>("--role") { Description = "Role to record for the run (e.g. review)." };
        var file = new Argument<string>("FILE") { Description = "Transcript file, or - for standard input." };
        var command = new Command("import", "Record an agent transcript as a finished run in the ledger; prints the run id.")
        {
            agent, exitCode, role, file,
        };
        command.SetAction(result => new ImportHandler(context).Run(
            AgentOption.Parse(result.GetRequiredValue(agent)),
            result.GetRequiredValue(file),
            result.GetValue(exitCode),
            result.GetValue(role)));
        return command;
    }
}
