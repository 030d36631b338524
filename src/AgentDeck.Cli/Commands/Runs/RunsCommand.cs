using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Runs;

/// <summary><c>agentdeck runs [--json] [--limit N] [--status S]</c>: the ledger's runs, newest first.</summary>
public static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of runs." };
        var limit = new Option<int>("--limit", "-n") { Description = "How many runs to list.", DefaultValueFactory = _ => 50 };
        var status = new Option<string[]>("--status") { Description = "Only runs with these statuses (e.g. running, failed).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("runs", "List recorded runs, newest first.") { json, limit, status };
        command.SetAction(result => new RunsHandler(context).Run(
            result.GetValue(json), result.GetValue(limit), result.GetValue(status) ?? []));
        return command;
    }
}
