using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Commands.Ledger;

/// <summary>
/// Rebuilds one run's events from <c>runs/&lt;id&gt;/stdout.log</c> in one transaction; with <c>--all</c>, every run
/// folder: runs the ledger lost are recreated from their folder first.
/// </summary>
public sealed class LedgerRebuildHandler(CliContext context)
{
    public int Run(string? runIdOrPrefix, bool all, bool force)
    {
        if (all == (runIdOrPrefix is not null))
        {
            throw CliException.Usage("name one run to rebuild, or pass --all (not both) to rebuild every run folder under runs/");
        }

        if (all)
        {
            return RunAll(force);
        }

        var run = RunLookup.Resolve(context, runIdOrPrefix!, writable: true);
        var result = Rebuilder().Rebuild(run.Id, allowUnfinished: force);
        context.Console.Out.WriteLine(
            $"rebuilt {result.RunId}: {result.StdoutLines} stdout and {result.StderrLines} stderr line(s) → {result.Events} event(s); status {result.Status.ToName()}");
        return ExitCodes.Ok;
    }

    private LedgerRebuilder Rebuilder() => new(context.OpenLedger(), context.Paths, context.CreateParser, context.Prices);

    private int RunAll(bool force)
    {
        var output = context.Console.Out;
        var folders = Directory.Exists(context.Paths.RunsDirectory)
            ? Directory.EnumerateDirectories(context.Paths.RunsDirectory).Select(Path.GetFileName).OfType<string>().Where(RunIds.IsValid).Order(StringComparer.Ordinal).ToList()
            : [];
        if (folders.Count == 0)
        {
            output.WriteLine($"no run folders in {context.Paths.RunsDirectory}: nothing to rebuild");
            return ExitCodes.Ok;
        }

        var ledger = context.OpenLedger();
        var recovery = new RunFolderRecovery(ledger, context.Paths);
        var rebuilder = Rebuilder();
        var (recreated, rebuilt, skipped) = (0, 0, 0);
        foreach (var id in folders)
        {
            var existing = ledger.FindRun(id);
            var problem = Problem(id, existing, force);
            var isNew = problem is null && existing is null;
            if (isNew)
            {
                (existing, problem) = recovery.Recreate(id);
            }

            if (problem is not null)
            {
                skipped++;
                output.WriteLine($"skipped {id}: {problem}");
                continue;
            }

            var result = rebuilder.Rebuild(id, allowUnfinished: true);
            _ = isNew ? recreated++ : rebuilt++;
            output.WriteLine($"{(isNew ? "recreated" : "rebuilt")} {id} ({existing!.Agent}): " +
                             $"{result.StdoutLines} stdout and {result.StderrLines} stderr line(s) → {result.Events} event(s); status {result.Status.ToName()}");
        }

        output.WriteLine($"{recreated} run(s) recreated, {rebuilt} rebuilt, {skipped} skipped");
        return ExitCodes.Ok;
    }

    private string? Problem(string id, RunRecord? existing, bool force)
    {
        if (!File.Exists(context.Paths.StdoutLog(id)))
        {
            return "no stdout.log: there is nothing to rebuild it from";
        }

        if (SupervisorRecord.TryLoad(new RunFiles(context.Paths, id).Supervisor) is { IsAlive: true })
        {
            return "its supervisor is still running it; rebuild it once it ends";
        }

        return existing is not null && !existing.Status.IsFinal() && !force
            ? $"it is still {existing.Status.ToName()} in the ledger; pass --force if its process is gone"
            : null;
    }
}
