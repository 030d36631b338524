using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>Finds the run a user named by id or prefix, with a clear error when there is no ledger yet.</summary>
public static class RunLookup
{
    public static RunRecord Resolve(CliContext context, string idOrPrefix, bool writable = false) =>
        Open(context, idOrPrefix, writable).ResolveRun(idOrPrefix);

    /// <summary>The ledger to look the run up in, or the same clear error when there is none yet.</summary>
    public static IRunLedger Open(CliContext context, string idOrPrefix, bool writable = false)
    {
        if (!context.LedgerExists)
        {
            throw new CliException($"no run '{idOrPrefix}': the ledger at {context.Paths.LedgerFile} has no runs yet; list runs with 'agentdeck runs'");
        }

        return context.OpenLedger(readOnly: !writable);
    }
}
