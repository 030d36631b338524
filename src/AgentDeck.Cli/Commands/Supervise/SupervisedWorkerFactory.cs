using System.Collections.Concurrent;
using AgentDeck.Agents;
using AgentDeck.Agents.LiveUsage;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Config;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Builds the <see cref="WorkerSupervisor"/> for a run whose launch.json exists: the driver and parser of its agent,
/// the limits of its project (read with the asking front end's environment), the price table, and the ledger shared
/// under <paramref name="ledgerLock"/>, whose commits <paramref name="flusher"/> (when given) makes for all workers at once.
/// </summary>
public sealed class SupervisedWorkerFactory(
    IRunLedger ledger, AgentDeckPaths paths, IProcessRunner runner, Func<IReadOnlyDictionary<string, string>?, IAgentDriverFactory> driversFor, Lock ledgerLock,
    LedgerFlusher? flusher = null, Func<CancellationToken, Task>? readPace = null)
{
    /// <summary>
    /// How often a worker's pending events are committed when no shared flusher is given. The screen wakes on every
    /// ledger write, so this interval is most of the output → screen latency (budget p99 ≤ 100 ms).
    /// </summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, IPriceBook> _prices = new(StringComparer.Ordinal);
    private readonly InFlightSpend _inFlight = new();

    /// <summary>
    /// The supervisor for a start request: with a runner that can start workers for hand-over, the worker's output goes
    /// to its capture files and it dies with this host (see <see cref="CapturingRunner"/>).
    /// </summary>
    public WorkerSupervisor Create(ControlRequest start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return runner is IProcessHandoff handoff && start.Run is { } runId
            ? Create(start, new CapturingRunner(runner, handoff, new RunFiles(paths, runId), new HostFiles(paths).HostLock, readPace))
            : Create(start, runner);
    }

    /// <summary>The price table of a config folder, loaded already (the host loads its own while it starts).</summary>
    public void KnowPrices(string configDirectory, IPriceBook prices) => _prices.TryAdd(configDirectory, prices);

    /// <summary>The supervisor for a worker a front end started and handed over: its one start is <paramref name="process"/>.</summary>
    public WorkerSupervisor Adopt(ControlRequest request, IRunningProcess process) => Create(request, new HandedOverRunner(runner, process));

    private WorkerSupervisor Create(ControlRequest start, IProcessRunner runnerForRun)
    {
        ArgumentNullException.ThrowIfNull(start);
        var runId = start.Run ?? throw new CliException("start needs the run id");
        var launch = LaunchFile.Load(new RunFiles(paths, runId));
        var environment = start.Environment ?? CliConsole.FromProcess().Environment;
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, environment, launch.WorkingDirectory);
        var context = new CliContext(console);
        ParserBaseline? baseline;
        lock (ledgerLock)
        {
            baseline = SessionBaselines.Find(ledger, launch.ResumeSessionId, runId);
        }

        return new WorkerSupervisor(
            ledger, paths, runnerForRun, driversFor(start.Environment).Create(launch), AgentParsers.Create(launch.Agent, baseline), runId,
            new SupervisorOptions
            {
                Limits = LimitsConfig.Load(console, launch.WorkingDirectory),
                KeepOpen = start.KeepOpen,
                Prices = _prices.GetOrAdd(context.ConfigDirectory, _ => context.Prices),
                LiveUsage = LiveUsageMeters.For(launch.Agent),
                SharedInFlight = _inFlight,
                LedgerLock = ledgerLock,
                FlushInterval = FlushInterval,
                Flusher = flusher,
                Environment = start.Environment,
                ReplayRecordedStdout = start.FirstLinesRecorded,
                BeforeRecording = start.FirstLinesRecorded ? token => FirstLinesLock.WaitUntilFreeAsync(new RunFiles(paths, runId), token) : null,
            });
    }
}
