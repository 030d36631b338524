using System.Collections.Concurrent;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Escalation;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// The host's run-ended hook: a failed run whose launch planned a fallback starts it as a child run
/// (<see cref="RunEscalator"/>), in the environment the failed run was started with (remembered from its start
/// request), through the same launcher as any other run. The launch is remembered too, as read before the worker
/// started: its supervisor rewrites launch.json without the tokens the fallback's profile needs.
/// </summary>
public sealed class HostEscalation(AgentDeckPaths paths, IProcessRunner runner, Func<IReadOnlyDictionary<string, string>?, IAgentDriverFactory> driversFor)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Environment, WorkerLaunch Launch)> _started = new(StringComparer.Ordinal);

    /// <summary>Wraps the host's worker factory so each run's start environment is kept until the run ends.</summary>
    public Func<ControlRequest, WorkerSupervisor> Remembering(Func<ControlRequest, WorkerSupervisor> create) => request =>
    {
        var worker = create(request);
        _started[worker.RunId] = (request.Environment ?? CliConsole.FromProcess().Environment, LaunchFile.Load(new RunFiles(paths, worker.RunId)));
        return worker;
    };

    /// <summary>The same for the host's adopt factory (workers a front end started and handed over).</summary>
    public Func<ControlRequest, IRunningProcess, WorkerSupervisor> Remembering(Func<ControlRequest, IRunningProcess, WorkerSupervisor> adopt) =>
        (request, process) => Remembering(r => adopt(r, process))(request);

    public Task AfterRunAsync(RunRecord final, CancellationToken cancellationToken)
    {
        if (!_started.TryRemove(final.Id, out var started))
        {
            return Task.CompletedTask;
        }

        var (environment, launch) = started;
        if (!EscalationRules.ShouldEscalate(launch, final))
        {
            // Most runs: no second ledger connection, config and price table opened (and their memory churned) for nothing.
            return Task.CompletedTask;
        }

        var variables = new Dictionary<string, string>(environment, StringComparer.Ordinal) { [AgentDeckPaths.HomeVariable] = paths.StateDirectory };
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, variables, launch.WorkingDirectory);
        using var services = WorkerServices.Open(console);
        var launcher = new WorkerLauncher(services, runner, driversFor(variables), variables);
        new RunEscalator(services.Ledger, (child, launchFor) => launcher.Launch(child, launchFor, keepOpen: false)).AfterRun(launch, final);
        return Task.CompletedTask;
    }
}
