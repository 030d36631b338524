using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Workers whose front end died while it handed them over: found by a host when it starts serving. Every front end
/// that found no host recorded its run before that (and held the run's <see cref="FirstLinesLock"/> from before its
/// worker started), so each live run with that lock is waited for until its front end let go or died; one still
/// nobody's then is adopted from its capture files (the kernel kept every byte), running or already ended, and
/// finished with the agent's real outcome. A run whose front end died before it started a worker is started here
/// from its saved launch (or marked lost without one).
/// </summary>
public sealed class HostOrphans(IRunLedger ledger, Lock ledgerLock, AgentDeckPaths paths, Action<string> log, Func<CancellationToken, Task>? readPace = null)
{
    /// <summary>A waiter forked just before its front end died may take a moment to record its pid.</summary>
    private static readonly TimeSpan WaiterPidGrace = TimeSpan.FromSeconds(2);

    private static readonly RunStatus[] LiveStatuses = [RunStatus.Queued, RunStatus.Starting, RunStatus.Running, RunStatus.Waiting, RunStatus.Idle];

    /// <summary>The capture files of a run's worker.</summary>
    public static WorkerCapture Capture(RunFiles files, string? lifeline = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new WorkerCapture(files.CaptureStdout, files.CaptureStderr, files.ExitStatus, files.WaiterPid, lifeline);
    }

    public async Task AdoptAllAsync(SupervisorHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        IReadOnlyList<RunRecord> live;
        lock (ledgerLock)
        {
            live = ledger.ListRuns(new RunQuery { Statuses = LiveStatuses, Limit = 0 });
        }

        var handedOver = live.Select(run => new RunFiles(paths, run.Id)).Where(files => File.Exists(FirstLinesLock.PathOf(files)));
        await Task.WhenAll(handedOver.Select(files => AdoptIfOrphanedAsync(host, files, cancellationToken))).ConfigureAwait(false);
    }

    private async Task AdoptIfOrphanedAsync(SupervisorHost host, RunFiles files, CancellationToken cancellationToken)
    {
        await FirstLinesLock.WaitUntilFreeAsync(files, cancellationToken).ConfigureAwait(false);
        if (!IsOrphaned(files))
        {
            return;
        }

        var capture = Capture(files);
        var waiter = CapturedWorker.FindWaiter(capture);
        if (waiter is null && !File.Exists(files.WaiterPid))
        {
            await Task.Delay(WaiterPidGrace, cancellationToken).ConfigureAwait(false);
            waiter = CapturedWorker.FindWaiter(capture);
        }

        if (waiter is null && !File.Exists(files.WaiterPid))
        {
            await StartAsync(host, files, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A waiter that is gone left its whole output in the capture files and its exit code (if it lived to write it).
        var pid = waiter ?? 0;
        var process = new CapturedWorker(pid, waiter is null ? () => false : () => CapturedWorker.FindWaiter(capture) == pid, capture, null, [], readPace);
        var adopt = new ControlRequest(ControlRequest.Adopt) { Run = files.RunId, Pid = pid, FirstLinesRecorded = true };
        var reply = await host.AdoptAsync(adopt, process, cancellationToken).ConfigureAwait(false);
        if (!reply.Ok)
        {
            log($"run {files.RunId}: its front end died while handing it over, and it could not be adopted: {reply.Error}");
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Still live in the ledger, never taken by a host (a host records its pid on the run; a run whose host died is
    /// lost, not adopted), and its supervisor (the front end) gone.
    /// </summary>
    private bool IsOrphaned(RunFiles files)
    {
        RunRecord? run;
        lock (ledgerLock)
        {
            run = ledger.FindRun(files.RunId);
        }

        return run is { Pid: null } && !run.Status.IsFinal() && SupervisorRecord.TryLoad(files.Supervisor) is not { IsAlive: true };
    }

    /// <summary>No worker was started: the run is started here, as its front end asked (its launch is saved), or marked lost.</summary>
    private async Task StartAsync(SupervisorHost host, RunFiles files, CancellationToken cancellationToken)
    {
        if (!File.Exists(files.Launch))
        {
            MarkLost(files.RunId);
            return;
        }

        log($"run {files.RunId}: its front end died before it started the worker; starting it here");
        var reply = await host.StartAsync(new ControlRequest(ControlRequest.Start) { Run = files.RunId }, cancellationToken).ConfigureAwait(false);
        if (!reply.Ok)
        {
            log($"run {files.RunId}: could not start it: {reply.Error}");
            MarkLost(files.RunId);
        }
    }

    private void MarkLost(string runId)
    {
        log($"run {runId}: its front end died before it started the worker");
        var now = DateTimeOffset.UtcNow;
        lock (ledgerLock)
        {
            ledger.AppendEvents(runId, [new EventToAppend(new Notice("error", "the front end that started this run ended before its worker started; run it again", "agentdeck"), RunStream.Stdout, 0, now)]);
            ledger.UpdateRun(runId, new RunUpdate { Status = RunStatus.Lost, FailureReason = "supervisor_died", EndedAt = now });
        }
    }
}
