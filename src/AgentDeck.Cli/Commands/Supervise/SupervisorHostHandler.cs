using System.Globalization;
using System.Runtime.InteropServices;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;
using AgentDeck.Ledger;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Claims the state folder's host lock (or leaves, when another host serves), then runs the <see cref="SupervisorHost"/>
/// until it is idle. SIGTERM stops every worker first; SIGHUP and SIGINT are ignored, so no terminal going away can
/// end a worker. Log lines go to stderr, which the starting front end pointed at <c>host/host.log</c>. Every worker's
/// events are committed together on <paramref name="tick"/> (the runner should pace its pipe reads on the same tick).
/// </summary>
public sealed class SupervisorHostHandler(
    CliContext context, IProcessRunner runner, Func<IReadOnlyDictionary<string, string>?, IAgentDriverFactory> driversFor, IngestTick? tick = null)
{
    /// <summary>
    /// The host's ingest tick: output waits at most one period in the pipe and one more before its commit, so
    /// output → ledger stays within ~50 ms (the screen wakes on each commit; its output → screen budget is p99 100 ms).
    /// </summary>
    public static readonly TimeSpan IngestPeriod = TimeSpan.FromMilliseconds(25);

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

        // Served from the start: a front end hands its running worker over while the ledger and the price table load
        // (most of a cold host's start, done side by side); the adoption waits for them.
        var hosting = new TaskCompletionSource<SupervisorHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ownTick = tick is null ? new IngestTick(IngestPeriod) : null;
        var ingestTick = tick ?? ownTick!;
        await using var adoptions = DescriptorServer.Start(
            files.AdoptSocket,
            new HostAdoption(hosting.Task, context.Paths, ingestTick.NextAsync).AnswerAsync,
            error => ControlLines.Write(ControlReply.Failure(error.Message)));
        var opening = Task.Run(() => SqliteRunLedger.Open(context.Paths), CancellationToken.None);
        // An adopted worker's first lines after the front end let go are recorded here: not by code the JIT meets then.
        var warming = Task.Run(RecordingWarmUp.Run, CancellationToken.None);
        SqliteRunLedger ledger;
        IPriceBook prices;
        try
        {
            prices = context.Prices;
            ledger = await opening.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            hosting.SetException(error);
            throw;
        }

        using var _ = ledger;
        var ledgerLock = new Lock();
        var flusher = new LedgerFlusher(ledger, ledgerLock, ingestTick);
        var workers = new SupervisedWorkerFactory(ledger, context.Paths, runner, driversFor, ledgerLock, flusher, ingestTick.NextAsync);
        workers.KnowPrices(context.ConfigDirectory, prices);
        var escalation = new HostEscalation(context.Paths, runner, driversFor);
        var orphans = new HostOrphans(ledger, ledgerLock, context.Paths, line => Log(log, line), ingestTick.NextAsync);
        SupervisorHost? host = null;
        host = new SupervisorHost(files, ledger, ledgerLock, escalation.Remembering(workers.Create), new HostOptions
        {
            IdleGrace = IdleGrace(),
            Log = line => Log(log, line),
            OnRunEnded = escalation.AfterRunAsync,
            OnServing = token => orphans.AdoptAllAsync(host!, token),
        }, escalation.Remembering(workers.Adopt));
        hosting.SetResult(host);
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
