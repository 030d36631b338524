using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Commands.Ledger;

/// <summary>Rebuilds one run's events from <c>runs/&lt;id&gt;/stdout.log</c> in one transaction.</summary>
public sealed class LedgerRebuildHandler(CliContext context)
{
    public int Run(string runIdOrPrefix, bool force)
    {
        var run = RunLookup.Resolve(context, runIdOrPrefix, writable: true);
        var rebuilder = new LedgerRebuilder(context.OpenLedger(), context.Paths, context.CreateParser, context.Prices);
        var result = rebuilder.Rebuild(run.Id, allowUnfinished: force);
        context.Console.Out.WriteLine(
            $"rebuilt {result.RunId}: {result.StdoutLines} stdout and {result.StderrLines} stderr line(s) → {result.Events} event(s); status {result.Status.ToName()}");
        return ExitCodes.Ok;
    }
}
