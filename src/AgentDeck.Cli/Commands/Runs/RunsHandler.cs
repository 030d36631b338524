using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Runs;

/// <summary>Lists runs as a table or JSON; an absent ledger simply has no runs yet.</summary>
public sealed class RunsHandler(CliContext context)
{
    public int Run(bool json, int limit, IReadOnlyList<string> statuses)
    {
        if (limit <= 0)
        {
            throw CliException.Usage($"--limit must be a positive number, not {limit}");
        }

        var wanted = ParseStatuses(statuses);
        var runs = context.LedgerExists
            ? LiveRuns.Checked(context, context.OpenLedger(readOnly: true).ListRuns(new RunQuery { Limit = limit, Statuses = wanted }))
            : [];
        if (json)
        {
            JsonOutput.Write(context.Console.Out, writer =>
            {
                writer.WriteStartArray();
                foreach (var run in runs)
                {
                    RunJson.Write(writer, run);
                }

                writer.WriteEndArray();
            });
            return ExitCodes.Ok;
        }

        var total = runs.Count == 0 && wanted is not null && context.LedgerExists ? context.OpenLedger(readOnly: true).CountRuns() : 0;
        if (total > 0)
        {
            context.Console.Out.WriteLine(
                $"No run is {string.Join(" or ", wanted!.Select(s => s.ToName()))} ({total} {(total == 1 ? "run" : "runs")} in the ledger; 'agentdeck runs' lists them).");
            return ExitCodes.Ok;
        }

        if (runs.Count == 0)
        {
            context.Console.Out.WriteLine("No runs yet. Record one with 'agentdeck import --agent claude FILE' or start one with 'agentdeck run'.");
            return ExitCodes.Ok;
        }

        RunTable.Write(context.Console.Out, runs, DateTimeOffset.UtcNow);
        return ExitCodes.Ok;
    }

    private static RunStatus[]? ParseStatuses(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        return names.Select(name => RunStatuses.TryParse(name, out var status)
            ? status
            : throw CliException.Usage(
                $"unknown status '{name}'; use one of {string.Join(", ", Enum.GetValues<RunStatus>().Select(s => s.ToName()))}")).ToArray();
    }
}
