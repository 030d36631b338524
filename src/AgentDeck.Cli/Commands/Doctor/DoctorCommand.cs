using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Doctor;

/// <summary><c>agentdeck doctor [--json]</c>: what is installed and usable here, and what to do about each problem.</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("doctor", "Check agent CLIs, credentials, git, tmux and the ledger; say how to fix each problem.") { json };
        command.SetAction((result, cancel) => new DoctorHandler(context).RunAsync(result.GetValue(json), cancel));
        return command;
    }
}
