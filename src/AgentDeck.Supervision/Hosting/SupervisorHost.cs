using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Supervision.Hosting;

/// <summary>
/// One process supervising many workers (like a tmux server): serves the host socket, where front ends ask it to
/// <c>start</c> a run, runs each worker with its own <see cref="WorkerSupervisor"/> (which serves the run's own control
/// socket), keeps one worker's failure from touching the others, and ends once its last worker ended and
/// <see cref="HostOptions.IdleGrace"/> passed with nothing new. Cancelling <see cref="RunAsync"/> (SIGTERM) stops
/// every worker first.
/// </summary>
public sealed class SupervisorHost
{
    /// <summary>The answer to a start request that came while the host was closing: ask again (a new host takes over).</summary>
    public const string ClosingError = "the supervisor host is closing";

    public const string Serving = "serving";
    public const string Closing = "closing";

    private readonly HostFiles _files;
    private readonly IRunLedger _ledger;
    private readonly Lock _ledgerLock;
    private readonly Func<ControlRequest, WorkerSupervisor> _createWorker;
    private readonly Func<ControlRequest, IRunningProcess, WorkerSupervisor>? _adoptWorker;
    private readonly HostOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _workers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _closing;

    /// <param name="ledgerLock">Taken around every use of <paramref name="ledger"/>; the workers share it.</param>
    /// <param name="createWorker">Builds the supervisor for a start request (its run and launch exist); may throw to refuse.</param>
    /// <param name="adoptWorker">
    /// Builds the supervisor for an adopt request, whose worker a front end started already: its runner's start must
    /// hand out the given process. Null: the host adopts nothing.
    /// </param>
    public SupervisorHost(
        HostFiles files, IRunLedger ledger, Lock ledgerLock, Func<ControlRequest, WorkerSupervisor> createWorker, HostOptions? options = null,
        Func<ControlRequest, IRunningProcess, WorkerSupervisor>? adoptWorker = null)
    {
        _adoptWorker = adoptWorker;
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _ledgerLock = ledgerLock ?? throw new ArgumentNullException(nameof(ledgerLock));
        _createWorker = createWorker ?? throw new ArgumentNullException(nameof(createWorker));
        _options = options ?? new HostOptions();
    }

    /// <summary>How many workers the host supervises now.</summary>
    public int WorkerCount
    {
        get
        {
            lock (_gate)
            {
                return _workers.Count;
            }
        }
    }

    /// <summary>Serves until idle past the grace period (or cancelled: then every worker is stopped first).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        _files.EnsurePrivateDirectory();
        await using (await ControlServer.StartAsync(_files.ControlSocket, AnswerAsync, cancellationToken).ConfigureAwait(false))
        {
            _options.Log($"serving {_files.ControlSocket} (pid {Environment.ProcessId})");
            var onServing = RunOnServingAsync();
            try
            {
                await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _options.Log("asked to end: stopping every worker");
            }

            lock (_gate)
            {
                _closing = true;
            }

            await _stopping.CancelAsync().ConfigureAwait(false);
            await onServing.ConfigureAwait(false);
            await Task.WhenAll(Snapshot()).ConfigureAwait(false);
        }

        _options.Log("closed");
    }

    private async Task RunOnServingAsync()
    {
        if (_options.OnServing is not { } hook)
        {
            return;
        }

        try
        {
            await Task.Run(() => hook(_stopping.Token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            _options.Log($"the start-up hook failed: {error}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WaitUntilIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            int count;
            lock (_gate)
            {
                changed = _changed.Task;
                count = _workers.Count;
            }

            if (count > 0)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (var graceOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var grace = Task.Delay(_options.IdleGrace, _options.Clock, graceOver.Token);
                if (await Task.WhenAny(changed, grace).ConfigureAwait(false) == changed)
                {
                    await graceOver.CancelAsync().ConfigureAwait(false);
                    continue;
                }

                await grace.ConfigureAwait(false); // throws when cancelled
            }

            lock (_gate)
            {
                // A start may have slipped in between the delay and this lock: it wins, and the host stays.
                if (_workers.Count == 0 && !changed.IsCompleted)
                {
                    _closing = true;
                    return;
                }
            }
        }
    }

    private async Task<ControlReply> AnswerAsync(ControlRequest request, CancellationToken cancellationToken) => request.Op switch
    {
        ControlRequest.Ping => Ping(),
        ControlRequest.Start => await StartAsync(request, cancellationToken).ConfigureAwait(false),
        var op => ControlReply.Failure($"unknown host op '{op}': use ping or start (steer, interrupt and stop go to the run's own socket)"),
    };

    private ControlReply Ping()
    {
        lock (_gate)
        {
            return new ControlReply(true) { Status = _closing ? Closing : Serving, Pid = Environment.ProcessId, Workers = _workers.Count };
        }
    }

    /// <summary>Starts the run of a start request (its run and launch exist), as if a front end had asked on the host socket.</summary>
    public Task<ControlReply> StartAsync(ControlRequest request, CancellationToken cancellationToken = default) =>
        SuperviseNewAsync(request, () => _createWorker(request), null, cancellationToken);

    /// <summary>
    /// Supervises a worker a front end started itself (it found no host serving) and handed over with its pipes. When
    /// the host refuses (closing, a duplicate run), the process is left to the front end, which owns it until an ok.
    /// A worker whose supervision ends without starting it (cancelled, over the global budget) has it killed.
    /// </summary>
    public Task<ControlReply> AdoptAsync(ControlRequest request, IRunningProcess process, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(process);
        var adopt = _adoptWorker ?? throw new InvalidOperationException("this supervisor host adopts no workers");
        return SuperviseNewAsync(request, () => adopt(request, process), process, cancellationToken);
    }

    private async Task<ControlReply> SuperviseNewAsync(ControlRequest request, Func<WorkerSupervisor> create, IRunningProcess? adopted, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Run))
        {
            return ControlReply.Failure($"{request.Op} needs the run id");
        }

        WorkerSupervisor worker;
        lock (_gate)
        {
            if (_closing)
            {
                return ControlReply.Failure(ClosingError);
            }

            if (_workers.ContainsKey(request.Run))
            {
                return ControlReply.Failure($"run {request.Run} is supervised already");
            }

            worker = create();
            var supervising = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _workers[worker.RunId] = supervising.Task;
            Signal();
            _ = Task.Run(() => SuperviseAsync(worker, adopted, supervising), CancellationToken.None);
        }

        _options.Log($"run {worker.RunId}: {(adopted is null ? "started" : $"adopted (pid {adopted.Pid})")}");
        try
        {
            await worker.Ready.WaitAsync(_options.ReadyLimit, _options.Clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Slow to open its socket, but under way: the front end's control verbs say "try again in a moment".
        }

        return Ping() with { Status = Serving };
    }

    /// <summary>Runs one worker to its end; whatever it throws ends that run alone (failed, crash).</summary>
    private async Task SuperviseAsync(WorkerSupervisor worker, IRunningProcess? adopted, TaskCompletionSource supervising)
    {
        RunRecord? final;
        try
        {
            final = await worker.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _options.Log($"run {worker.RunId}: supervision failed: {error}");
            final = MarkCrashed(worker.RunId, error);
        }

        if (adopted is not null)
        {
            await EndAdoptedAsync(worker.RunId, adopted).ConfigureAwait(false);
        }

        try
        {
            await RunEndedAsync(worker.RunId, final).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _workers.Remove(worker.RunId);
                Signal();
            }

            supervising.TrySetResult();
        }
    }

    /// <summary>The one place a run's end is handled: logged, then handed to the <see cref="HostOptions.OnRunEnded"/> hook.</summary>
    private async Task RunEndedAsync(string runId, RunRecord? final)
    {
        _options.Log($"run {runId}: ended {final?.Status.ToName() ?? "(unknown)"}{(final?.FailureReason is { } reason ? $" ({reason})" : "")}");
        if (final is null || _options.OnRunEnded is not { } hook)
        {
            return;
        }

        try
        {
            await hook(final, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _options.Log($"run {runId}: the run-ended hook failed: {error}");
        }
    }

    /// <summary>A handed-over worker never runs on unwatched: killed when its supervision ended without starting it.</summary>
    private async Task EndAdoptedAsync(string runId, IRunningProcess adopted)
    {
        try
        {
            if (adopted.HasLiveGroupMembers)
            {
                _options.Log($"run {runId}: its supervision ended before the handed-over worker did; killing it");
                await adopted.SignalAsync(ProcessSignal.Kill, wholeGroup: true).ConfigureAwait(false);
            }

            await adopted.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _options.Log($"run {runId}: could not end the handed-over worker: {error.Message}");
        }
    }

    private RunRecord? MarkCrashed(string runId, Exception error)
    {
        try
        {
            lock (_ledgerLock)
            {
                var run = _ledger.FindRun(runId);
                if (run is null || run.Status.IsFinal())
                {
                    return run;
                }

                var now = _options.Clock.GetUtcNow();
                _ledger.AppendEvents(runId, [new EventToAppend(new Notice("error", $"the supervisor failed: {error.Message}", "agentdeck"), RunStream.Stdout, 0, now)]);
                return _ledger.UpdateRun(runId, new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.Crash, EndedAt = now });
            }
        }
        catch (Exception ledgerError)
        {
            _options.Log($"run {runId}: could not record the failure: {ledgerError.Message}");
            return null;
        }
    }

    private Task[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _workers.Values];
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
