using System.CommandLine;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Status;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Last;

/// <summary><c>agentdeck last [--json]</c>: the most recent run.</summary>
public static class LastCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("last", "Show the most recent run.") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            string id;
            using (var services = WorkerServices.OpenForReading(context.Console))
            {
                id = WorkerServices.Guard(() => services.Ledger.ListRuns(new RunQuery { Limit = 1 })).FirstOrDefault()?.Id
                    ?? throw new CliException("no runs yet: start one with 'agentdeck run --agent claude PROMPT'");
            }

            return await new StatusHandler(context).RunAsync(id, result.GetValue(json), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
