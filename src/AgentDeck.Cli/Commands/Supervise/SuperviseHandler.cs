using System.Runtime.InteropServices;
using AgentDeck.Agents;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Config;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Escalation;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Runs the launch stored in the run folder under a <see cref="WorkerSupervisor"/>. SIGTERM stops the worker (and
/// then this process); SIGHUP and SIGINT are ignored, so no terminal going away can end the worker.
/// </summary>
public sealed class SuperviseHandler(CliContext context, IProcessRunner runner, IAgentDriverFactory drivers)
{
    public async Task<int> RunAsync(string runId, bool keepOpen, CancellationToken cancellationToken)
    {
        using var services = WorkerServices.Open(context.Console);
        var run = WorkerServices.Guard(() => services.Ledger.ResolveRun(runId));
        var launch = LaunchFile.Load(services.Files(run.Id));
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            ending.Cancel();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal => signal.Cancel = true);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);

        var supervisor = new WorkerSupervisor(
            services.Ledger, services.Paths, runner, drivers.Create(launch),
            AgentParsers.Create(launch.Agent, SessionBaselines.Find(services.Ledger, launch.ResumeSessionId, run.Id)), run.Id,
            new SupervisorOptions
            {
                Limits = LimitsConfig.Load(context.Console, launch.WorkingDirectory),
                KeepOpen = keepOpen,
                Prices = context.Prices,
            });
        var final = await supervisor.RunAsync(ending.Token).ConfigureAwait(false);
        new RunEscalator(services.Ledger, (child, launchFor) => new WorkerLauncher(services, runner, drivers).Launch(child, launchFor, keepOpen: false)).AfterRun(launch, final);
        if (supervisor.StartError is { } error)
        {
            context.Console.Error.WriteLine($"agentdeck: {error}");
        }

        return final.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }

}
