using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Ledger;

/// <summary><c>agentdeck ledger rebuild RUN | --all</c>: maintenance of the run ledger.</summary>
public static class LedgerCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string?>("RUN") { Description = "A run id or a unique prefix of one.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all")
        {
            Description = "Rebuild every run folder under runs/, recreating the runs the ledger lost (e.g. a corrupt ledger moved aside) from their launch.json.",
        };
        var force = new Option<bool>("--force") { Description = "Also rebuild a run that is still marked running (its supervisor is gone)." };
        var rebuild = new Command("rebuild", "Re-derive a run's events and totals from its raw output log.") { run, all, force };
        rebuild.SetAction(result => new LedgerRebuildHandler(context).Run(result.GetValue(run), result.GetValue(all), result.GetValue(force)));
        return new Command("ledger", "Maintain the run ledger.") { rebuild };
    }
}
