using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Supervise;
using AgentDeck.Core.Runs;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Stop;

/// <summary>
/// The processes of a run nobody supervises any more (its supervisor died, or the run already reads lost) that are
/// still alive: a stop kills them all, whatever the ledger says, so no worker runs on because its record ended.
/// </summary>
public static class StrayWorker
{
    /// <summary>Kills the run's worker and everything it started; false when none of it lives.</summary>
    public static bool Kill(WorkerServices services, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(run);
        return CapturedWorker.FindWaiter(HostOrphans.Capture(services.Files(run.Id))) is { } waiter && new ProcessTree(waiter).KillAll();
    }
}
