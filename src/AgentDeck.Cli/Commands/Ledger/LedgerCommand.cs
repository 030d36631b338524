using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Ledger;

/// <summary><c>agentdeck ledger rebuild RUN</c>: maintenance of the run ledger.</summary>
public static class LedgerCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "A run id or a unique prefix of one." };
        var force = new Option<bool>("--force") { Description = "Also rebuild a run that is still marked running (its supervisor is gone)." };
        var rebuild = new Command("rebuild", "Re-derive a run's events and totals from its raw output log.") { run, force };
        rebuild.SetAction(result => new LedgerRebuildHandler(context).Run(result.GetRequiredValue(run), result.GetValue(force)));
        return new Command("ledger", "Maintain the run ledger.") { rebuild };
    }
}
