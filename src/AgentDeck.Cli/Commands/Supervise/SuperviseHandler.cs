using System.Runtime.InteropServices;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Runs one launch stored in the run folder under a <see cref="Supervision.WorkerSupervisor"/> in this process (the
/// supervisor host does the same for many). SIGTERM stops the worker (and then this process); SIGHUP and SIGINT are
/// ignored, so no terminal going away can end the worker.
/// </summary>
public sealed class SuperviseHandler(CliContext context, IProcessRunner runner, IAgentDriverFactory drivers)
{
    public async Task<int> RunAsync(string runId, bool keepOpen, CancellationToken cancellationToken)
    {
        using var services = WorkerServices.Open(context.Console);
        var run = WorkerServices.Guard(() => services.Ledger.ResolveRun(runId));
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            ending.Cancel();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal => signal.Cancel = true);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);

        var supervisor = new SupervisedWorkerFactory(services.Ledger, services.Paths, runner, drivers, new Lock())
            .Create(new ControlRequest(ControlRequest.Start) { Run = run.Id, KeepOpen = keepOpen, Environment = context.Console.Environment });
        var final = await supervisor.RunAsync(ending.Token).ConfigureAwait(false);
        if (supervisor.StartError is { } error)
        {
            context.Console.Error.WriteLine($"agentdeck: {error}");
        }

        return final.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
