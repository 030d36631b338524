using System.Globalization;
using System.Runtime.InteropServices;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;
using AgentDeck.Ledger;
using AgentDeck.Processes;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Claims the state folder's host lock (or leaves, when another host serves), then runs the <see cref="SupervisorHost"/>
/// until it is idle. SIGTERM stops every worker first; SIGHUP and SIGINT are ignored, so no terminal going away can
/// end a worker. Log lines go to stderr, which the starting front end pointed at <c>host/host.log</c>.
/// </summary>
public sealed class SupervisorHostHandler(CliContext context, IProcessRunner runner, Func<IReadOnlyDictionary<string, string>?, IAgentDriverFactory> driversFor)
{
    /// <summary>Seconds the host stays after its last worker (default 30): a warm host spares the next spawn a process start.</summary>
    public const string IdleVariable = "AGENTDECK_HOST_IDLE_SECONDS";

    private static readonly TimeSpan ClaimLimit = TimeSpan.FromSeconds(15);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var files = new HostFiles(context.Paths);
        var log = context.Console.Error;
        using var claimed = await HostLifetime.ClaimAsync(files, ClaimLimit, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            Log(log, "another supervisor host serves this state folder; leaving");
            return ExitCodes.Ok;
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            ending.Cancel();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal => signal.Cancel = true);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);

        // Opening the ledger and loading the price table are most of a cold host's start, and a front end waits on
        // it with a worker already running: do both side by side.
        var opening = Task.Run(() => SqliteRunLedger.Open(context.Paths), CancellationToken.None);
        var prices = context.Prices;
        using var ledger = await opening.ConfigureAwait(false);
        var ledgerLock = new Lock();
        var workers = new SupervisedWorkerFactory(ledger, context.Paths, runner, driversFor, ledgerLock);
        workers.KnowPrices(context.ConfigDirectory, prices);
        var escalation = new HostEscalation(context.Paths, runner, driversFor);
        var host = new SupervisorHost(files, ledger, ledgerLock, escalation.Remembering(workers.Create), new HostOptions
        {
            IdleGrace = IdleGrace(),
            Log = line => Log(log, line),
            OnRunEnded = escalation.AfterRunAsync,
        }, escalation.Remembering(workers.Adopt));

        // Served before the control socket, so a front end that sees the host answer can hand its worker over at once.
        await using var adoptions = DescriptorServer.Start(
            files.AdoptSocket,
            new HostAdoption(host, context.Paths).AnswerAsync,
            error => ControlLines.Write(ControlReply.Failure(error.Message)));
        await host.RunAsync(ending.Token).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private TimeSpan IdleGrace() =>
        double.TryParse(context.Console.GetEnvironmentVariable(IdleVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : new HostOptions().IdleGrace;

    private static void Log(TextWriter log, string line)
    {
        lock (log)
        {
            log.WriteLine($"{DateTimeOffset.UtcNow:O} {line}");
            log.Flush();
        }
    }
}
