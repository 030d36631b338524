using AgentDeck.Cli.Commands.Run;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>The real worker path, the same as <c>agentdeck run</c>: a detached supervisor per task, polled in the ledger.</summary>
public sealed class SupervisedBenchWorkers(WorkerServices services, IProcessRunner runner, IAgentDriverFactory drivers) : IBenchWorkers
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public RunRecord Start(NewRun run, Func<string, WorkerLaunch> launchFor) =>
        new WorkerLauncher(services, runner, drivers).Launch(run, launchFor, keepOpen: false);

    public async Task<RunRecord> WaitAsync(RunRecord run, CancellationToken cancellationToken)
    {
        while (!(run = services.Refresh(run)).Status.IsFinal())
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }
}
