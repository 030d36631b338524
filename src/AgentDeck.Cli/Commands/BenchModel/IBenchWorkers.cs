using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>Starts a bench task's run as a supervised worker and waits for its end (faked in unit tests).</summary>
public interface IBenchWorkers
{
    /// <summary>Creates the run and starts its worker; <paramref name="launchFor"/> gets the new run's id.</summary>
    RunRecord Start(NewRun run, Func<string, WorkerLaunch> launchFor);

    /// <summary>The run once it has ended (final status).</summary>
    Task<RunRecord> WaitAsync(RunRecord run, CancellationToken cancellationToken);
}
