using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Common;

/// <summary>
/// Runs as every view shows them: one that claims to be live while nobody supervises it (its host died) reads lost at
/// once. Judging needs no write; the ledger is opened for writing only when a run is to be marked.
/// </summary>
public static class LiveRuns
{
    public static RunRecord Checked(CliContext context, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status.IsFinal() || new RunLiveness(context.OpenLedger(readOnly: true), context.Paths).IsSupervised(run))
        {
            return run;
        }

        // Its own connection: the caller's read-only ledger stays open.
        using var writable = SqliteRunLedger.Open(context.Paths);
        return new RunLiveness(writable, context.Paths).Check(run);
    }

    public static IReadOnlyList<RunRecord> Checked(CliContext context, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.All(run => run.Status.IsFinal()) ? runs : [.. runs.Select(run => Checked(context, run))];
    }
}
