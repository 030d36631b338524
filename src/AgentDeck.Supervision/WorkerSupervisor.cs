using System.Runtime.ExceptionServices;
using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Ledger;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Supervision;

/// <summary>
/// Runs one worker inside the current process, from queue to final status: waits for a concurrency slot, starts the
/// driver's command through the process runner, records every output line (raw log + events, committed on the
/// flusher's next tick and at once on status changes), answers the driver's protocol,
/// keeps the run's status from the events, enforces the cost guard, and serves the run's control socket. The run
/// must already exist in the ledger. All ledger access happens under one lock (a ledger serves one thread at a time);
/// output is taken in bursts (every line already read, under one take of the lock).
/// </summary>
public sealed class WorkerSupervisor : ISupervisedWorker, IFlushTarget
{
    private readonly IRunLedger _ledger;
    private readonly AgentDeckPaths _paths;
    private readonly IProcessRunner _runner;
    private readonly IAgentDriver _driver;
    private readonly IAgentStreamParser _parser;
    private readonly SupervisorOptions _options;
    private readonly RunFiles _files;
    private readonly Lock _gate;
    private readonly Lock _stopGate = new();
    private readonly SemaphoreSlim _stdin = new(1, 1);
    private readonly WorkerActivity _activity = new();
    private readonly InFlightCost? _inFlight;
    private readonly CancellationTokenSource _done = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LedgerFlusher _flusher;
    private readonly IngestTick? _ownTick;
    private readonly List<string> _burstReplies = [];
    private RunRecorder? _recorder;
    private IRunningProcess? _process;
    private RunStatus _syncedStatus = RunStatus.Starting;
    private RunStatus? _steeredFromIdle;
    private long _linesAtSync;
    private bool _stdinOpen;
    private bool _turnFinished;
    private bool _interruptRequested;
    private bool _warned;
    private bool _warnedUnpriced;
    private long _outputBytes;
    private bool _replayingRecorded;
    private EndReason? _endReason;
    private Task<ProcessExitStatus>? _stopTask;
    private bool _forced;
    private bool _burstEndedTurn;
    private bool _finished;
    private Exception? _flushError;

    public WorkerSupervisor(
        IRunLedger ledger, AgentDeckPaths paths, IProcessRunner runner, IAgentDriver driver, IAgentStreamParser parser,
        string runId, SupervisorOptions? options = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _paths = paths ?? throw new ArgumentNullException(nameof(paths));
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _parser = parser ?? throw new ArgumentNullException(nameof(parser));
        _options = options ?? new SupervisorOptions();
        if (_options.Flusher is not null && _options.LedgerLock is null)
        {
            throw new ArgumentException("a shared flusher needs the shared ledger lock (SupervisorOptions.LedgerLock)", nameof(options));
        }

        _gate = _options.LedgerLock ?? new Lock();
        _inFlight = _options.LiveUsage is { } meter && _options.Prices is { } prices ? new InFlightCost(meter, prices) : null;
        _flusher = _options.Flusher ?? new LedgerFlusher(ledger, _gate, _ownTick = new IngestTick(_options.FlushInterval));
        RunId = runId;
        _files = new RunFiles(paths, runId);
        _replayingRecorded = _options.ReplayRecordedStdout;
    }

    public string RunId { get; }

    /// <summary>The control socket's path while <see cref="RunAsync"/> serves it.</summary>
    public string ControlSocket => _files.ControlSocket;

    /// <summary>The message of a start failure (agent CLI not installed), null otherwise.</summary>
    public string? StartError { get; private set; }

    /// <summary>Completes once the control socket answers (or <see cref="RunAsync"/> ended before it could).</summary>
    public Task Ready => _ready.Task;

    /// <summary>Supervises the worker to its end and returns the final run record.</summary>
    public async Task<RunRecord> RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await SuperviseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Whatever broke the supervision (the ledger, a bug), the agent must not run on unwatched.
            await KillQuietlyAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _ready.TrySetResult();
            _ownTick?.Dispose();
        }
    }

    private async Task<RunRecord> SuperviseAsync(CancellationToken cancellationToken)
    {
        _files.EnsurePrivateDirectory();
        var identity = SupervisorRecord.ForCurrentProcess(_options.Clock.GetUtcNow());
        identity.Save(_files.Supervisor);
        lock (_gate)
        {
            _ = _ledger.FindRun(RunId) ?? throw new LedgerException(LedgerProblem.UnknownRun, $"run {RunId} is not in the ledger");
        }

        // Served before the first write: the front end waiting for the host's answer never waits for the ledger.
        await using var control = await ControlServer.StartAsync(_files.ControlSocket, this, cancellationToken).ConfigureAwait(false);
        _ready.TrySetResult();
        await WriteAsync(() => _ledger.UpdateRun(RunId, new RunUpdate { Pid = Environment.ProcessId })).ConfigureAwait(false);
        if (!await WaitForSlotAsync(cancellationToken).ConfigureAwait(false))
        {
            return EndWithoutStart(EndReason.SupervisorCancelled, null);
        }

        if (GlobalBudgetCrossed())
        {
            return EndWithoutStart(EndReason.GlobalBudget with { Status = RunStatus.Failed }, "no new worker: " + EndReason.GlobalBudget.Message);
        }

        if (_options.BeforeRecording is { } beforeRecording)
        {
            try
            {
                await beforeRecording(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return EndWithoutStart(EndReason.SupervisorCancelled, null);
            }
        }

        await WriteAsync(() =>
        {
            if (_replayingRecorded)
            {
                // The front end recorded the first lines and set the run running: no step back to starting. Lines it
                // logged but never committed (it died in between) are still in the pipe: they come again.
                return CommittedStdout.TrimLog(_ledger, _paths, RunId);
            }

            _ledger.UpdateRun(RunId, new RunUpdate { Status = RunStatus.Starting });
            return 0;
        }).ConfigureAwait(false);
        lock (_gate)
        {
            _recorder = new RunRecorder(_ledger, RunId, new ObservingParser(_parser, e => _activity.Apply(e)), _paths,
                new RunRecorderOptions { Clock = _options.Clock, Prices = _options.Prices });
        }

        var spec = _driver.Spec with
        {
            Grouping = ProcessGrouping.NewSession,
            Environment = WorkerEnvironment.Compose(_options.Environment, _driver.Spec.Environment),
        };
        try
        {
            _process = _runner.Start(spec);
        }
        catch (ProcessStartException error)
        {
            StartError = error.Message;
            return EndNotStarted(error.Message);
        }

        identity.With(_process.Pid).Save(_files.Supervisor);
        Locked(() => _ledger.UpdateRun(RunId, new RunUpdate { AgentPid = _process.Pid }));
        _stdinOpen = spec.Stdin == StdinMode.Pipe;
        using var cancelled = cancellationToken.Register(() => RequestStop(EndReason.SupervisorCancelled, force: false));
        var started = _options.Clock.GetUtcNow();
        await WriteLinesAsync(Locked(() => _driver.OnStarted())).ConfigureAwait(false);

        // The agent has its environment now: a profile's tokens need not stay on disk. A fallback that needs them
        // again is taken from the launch its host read before this start.
        LaunchFile.RemoveSecrets(_files);

        var guard = GuardLoopAsync(started, _done.Token);
        ProcessExitStatus exit;
        try
        {
            await Task.WhenAll(KillOnFailure(PumpStdoutAsync(_process)), KillOnFailure(PumpStderrAsync(_process))).ConfigureAwait(false);
            exit = await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // Also when a pump failed: no loop may write the run after its supervision ended.
            await _done.CancelAsync().ConfigureAwait(false);
            _options.SharedInFlight?.Clear(RunId);
            await Quietly(guard).ConfigureAwait(false);
        }

        if (Locked(() => _flushError) is { } flushError)
        {
            ExceptionDispatchInfo.Throw(flushError);
        }

        if (_stopTask is { } stopping)
        {
            await Quietly(stopping).ConfigureAwait(false);
        }

        var record = await FinishAsync(exit).ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        return record;
    }

    public ControlReply Ping() => Locked(() => new ControlReply(true)
    {
        Status = (_endReason?.Status ?? _activity.Status).ToName(),
        Phase = _activity.PhaseText,
        Pid = Environment.ProcessId,
        AgentPid = _process?.Pid,
        CostUsd = _recorder?.Tally.CostUsd,
        InFlightUsd = _inFlight?.Usd(_recorder?.Tally.Model),
        RunBudgetUsd = _options.Limits.RunBudgetUsd,
    });

    public async Task<ControlReply> SteerAsync(string message, string? from, CancellationToken cancellationToken)
    {
        if (_process is null)
        {
            return ControlReply.Failure($"run {RunId} has not started yet; steer it once it runs");
        }

        var plan = Locked(() => _driver.Steer(message));
        if (plan.ResumeAfterTurn)
        {
            return ControlReply.Failure($"{_driver.Agent.ToString().ToLowerInvariant()} cannot be steered mid-run; when it ends, continue it with 'agentdeck resume {RunId} MESSAGE'");
        }

        var reply = Locked(() => _activity.Status) == RunStatus.Idle && plan.StdinLines.Count > 0
            ? await SteerFromIdleAsync(plan.StdinLines).ConfigureAwait(false)
            : await WriteLinesAsync(plan.StdinLines).ConfigureAwait(false)
                ? Ping()
                : ControlReply.Failure($"run {RunId} has finished its turn and closed its input; continue it with 'agentdeck resume {RunId} MESSAGE'");
        if (reply.Ok)
        {
            RecordSteer(message, from);
        }

        return reply;
    }

    /// <summary>What the person said is part of the run: recorded once the worker has it (or has it queued).</summary>
    private void RecordSteer(string message, string? from)
    {
        lock (_gate)
        {
            if (!_finished)
            {
                _recorder!.AddOwnEvent(new SteerSent(message, SteerSenders.Normalize(from)));
            }
        }
    }

    public async Task<ControlReply> InterruptAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process || process.HasExited)
        {
            return ControlReply.Failure($"run {RunId} is not running");
        }

        _interruptRequested = true;
        var lines = Locked(() => _driver.Interrupt());
        if (lines is null || !await WriteLinesAsync(lines).ConfigureAwait(false))
        {
            await process.SignalAsync(ProcessSignal.Interrupt, process.OwnsProcessGroup).ConfigureAwait(false);
        }

        return Ping();
    }

    public async Task<ControlReply> StopAsync(bool force, CancellationToken cancellationToken)
    {
        if (_process is null)
        {
            // Queued or starting: ending the supervisor's wait is enough.
            _ = RequestStop(EndReason.StoppedByUser, force);
            await _done.CancelAsync().ConfigureAwait(false);
            return new ControlReply(true) { Status = RunStatus.Stopped.ToName(), Pid = Environment.ProcessId };
        }

        if (_process.HasExited)
        {
            return ControlReply.Failure($"run {RunId} has already ended");
        }

        var stopping = RequestStop(EndReason.StoppedByUser, force);
        if (stopping is not null)
        {
            // Not cancelled by the socket closing: the worker's end closes it, and this answer must still go out.
            await stopping.ConfigureAwait(false);
        }

        return new ControlReply(true) { Status = RunStatus.Stopped.ToName(), Pid = Environment.ProcessId, AgentPid = _process.Pid };
    }

    /// <summary>
    /// An idle worker holds no slot: the steer takes one first, or queues the run and is written once one frees
    /// (the reply says <c>queued</c>).
    /// </summary>
    private async Task<ControlReply> SteerFromIdleAsync(IReadOnlyList<string> lines)
    {
        var gate = new ConcurrencyGate(_ledger, new RunLiveness(_ledger, _paths, _options.Clock), _gate);
        if (gate.HasSlot(RunId, _options.Limits.MaxConcurrency))
        {
            return await TakeSlotAndWriteAsync(lines).ConfigureAwait(false)
                ? Ping()
                : ControlReply.Failure($"run {RunId} has finished its turn and closed its input; continue it with 'agentdeck resume {RunId} MESSAGE'");
        }

        ShowWhileIdle(RunStatus.Queued);
        _ = SteerOnceSlotFreesAsync(gate, lines);
        return Ping() with { Status = RunStatus.Queued.ToName() };
    }

    private async Task SteerOnceSlotFreesAsync(ConcurrencyGate gate, IReadOnlyList<string> lines)
    {
        while (!gate.HasSlot(RunId, _options.Limits.MaxConcurrency))
        {
            try
            {
                await Task.Delay(_options.PollInterval, _options.Clock, _done.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await TakeSlotAndWriteAsync(lines).ConfigureAwait(false);
    }

    private async Task<bool> TakeSlotAndWriteAsync(IReadOnlyList<string> lines)
    {
        // Shown running before the agent answers, so that no other run takes the slot meanwhile.
        ShowWhileIdle(RunStatus.Running);
        if (await WriteLinesAsync(lines).ConfigureAwait(false))
        {
            return true;
        }

        ShowWhileIdle(null);
        return false;
    }

    /// <summary>The status shown while the worker itself is still idle (queued for a slot, or holding one); null: idle.</summary>
    private void ShowWhileIdle(RunStatus? status)
    {
        lock (_gate)
        {
            if (_finished || _activity.Status != RunStatus.Idle)
            {
                return;
            }

            _steeredFromIdle = status;
            _ledger.UpdateRun(RunId, new RunUpdate { Status = status ?? RunStatus.Idle });
        }
    }

    private async Task<bool> WaitForSlotAsync(CancellationToken cancellationToken)
    {
        var gate = new ConcurrencyGate(_ledger, new RunLiveness(_ledger, _paths, _options.Clock), _gate);
        var queued = false;
        while (!gate.HasSlot(RunId, _options.Limits.MaxConcurrency))
        {
            if (!queued)
            {
                await WriteAsync(() => _ledger.UpdateRun(RunId, new RunUpdate { Status = RunStatus.Queued })).ConfigureAwait(false);
                queued = true;
            }

            try
            {
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _done.Token);
                await Task.Delay(_options.PollInterval, _options.Clock, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return !_done.IsCancellationRequested;
    }

    private Task PumpStdoutAsync(IRunningProcess process) => PumpAsync(process.StdoutLines, TakeStdoutLine, AfterStdoutBurstAsync);

    private Task PumpStderrAsync(IRunningProcess process) => PumpAsync(process.StderrLines, TakeStderrLine, static () => Task.CompletedTask);

    /// <summary>
    /// Takes the lines in bursts: every line already buffered goes to <paramref name="takeLine"/> under one take of
    /// the ledger lock, then the limits are checked once and the worker's events are left for the flusher's tick.
    /// </summary>
    private async Task PumpAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> source, Action<ReadOnlyMemory<byte>> takeLine, Func<Task> afterBurst)
    {
        var lines = source.GetAsyncEnumerator();
        try
        {
            var more = await lines.MoveNextAsync().ConfigureAwait(false);
            while (more)
            {
                var next = default(ValueTask<bool>);
                var waiting = false;
                EndReason? crossed;
                lock (_gate)
                {
                    while (true)
                    {
                        takeLine(lines.Current);
                        next = lines.MoveNextAsync();
                        if (!next.IsCompleted)
                        {
                            waiting = true;
                            break;
                        }

                        if (!next.GetAwaiter().GetResult())
                        {
                            break;
                        }
                    }

                    crossed = LimitCrossed();
                    _flusher.MarkDirty(this);
                }

                await afterBurst().ConfigureAwait(false);
                StopIfCrossed(crossed);
                more = waiting && await next.ConfigureAwait(false);
            }
        }
        finally
        {
            await lines.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One stdout line, under the ledger lock: recorded, answered (replies go out after the burst), status synced.</summary>
    private void TakeStdoutLine(ReadOnlyMemory<byte> line)
    {
        _outputBytes += line.Length + 1;
        if (!ReplayRecorded(line.Span))
        {
            _recorder!.AddStdoutLine(line.Span);
        }

        ObserveUsage(line.Span);
        _burstReplies.AddRange(_driver.OnStdoutLine(line.Span));
        var finished = _driver.TurnFinished;
        _burstEndedTurn |= finished && !_turnFinished;
        _turnFinished = finished;
        if (_activity.Status != _syncedStatus)
        {
            try
            {
                FlushAndSync();
            }
            catch (Exception error) when (ContendedWrite.IsLocked(error))
            {
                // Still pending: the flusher's tick after this burst commits it.
            }
        }
    }

    /// <summary>
    /// True when the line is the next one the front end recorded already (see <see cref="SupervisorOptions.ReplayRecordedStdout"/>):
    /// the recorder only parses it again. The first line that is not ends the replay; from there every line is recorded.
    /// </summary>
    private bool ReplayRecorded(ReadOnlySpan<byte> line)
    {
        if (!_replayingRecorded)
        {
            return false;
        }

        _replayingRecorded = _recorder!.TryReplayRecordedStdoutLine(line);
        return _replayingRecorded;
    }

    private void TakeStderrLine(ReadOnlyMemory<byte> line)
    {
        _outputBytes += line.Length + 1;
        _recorder!.AddStderrLine(line.Span);
    }

    private async Task AfterStdoutBurstAsync()
    {
        string[] replies;
        bool turnEnded;
        lock (_gate)
        {
            replies = [.. _burstReplies];
            _burstReplies.Clear();
            turnEnded = _burstEndedTurn;
            _burstEndedTurn = false;
        }

        await WriteLinesAsync(replies).ConfigureAwait(false);
        if (turnEnded && !_options.KeepOpen)
        {
            await CloseStdinAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Acts on the limit check made under the lock each burst of output already takes.</summary>
    private void StopIfCrossed(EndReason? crossed)
    {
        if (crossed is { } reason)
        {
            _ = RequestStop(reason, force: false);
        }
    }

    /// <summary>The limit the run has crossed (output cap, run budget), if any; called under the ledger lock.</summary>
    private EndReason? LimitCrossed()
    {
        var limits = _options.Limits;
        if (limits.MaxOutputBytes is { } cap && _outputBytes > cap)
        {
            return EndReason.OutputCap;
        }

        if (limits.RunBudgetUsd is not { } budget)
        {
            return null;
        }

        var reported = _recorder?.Tally.CostUsd;
        if (reported >= budget)
        {
            return EndReason.RunBudget;
        }

        return SpentSoFar() is { } estimated && estimated >= budget
            ? EndReason.RunBudget with { Message = $"{EndReason.RunBudget.Message} with the turn in flight: an estimated ${estimated:0.######} ({_inFlight!.InFlightTokens} tokens at {_inFlight.PriceBasis(_recorder?.Tally.Model)}) against ${budget:0.######}" }
            : null;
    }

    /// <summary>
    /// The run's cost so far: what the agent reported for its finished turns plus the priced tokens of the turn in
    /// flight; null when unknown. Called under the ledger lock.
    /// </summary>
    private decimal? SpentSoFar()
    {
        var reported = _recorder?.Tally.CostUsd;
        if (_inFlight is null)
        {
            return reported;
        }

        if (_inFlight.Usd(_recorder?.Tally.Model) is not { } inFlight)
        {
            WarnUnpriced();
            return reported;
        }

        _options.SharedInFlight?.Set(RunId, inFlight);
        return inFlight > 0 ? (reported ?? 0) + inFlight : reported;
    }

    private void ObserveUsage(ReadOnlySpan<byte> line)
    {
        if (_options.LiveUsage is not { } meter)
        {
            return;
        }

        var version = meter.Version;
        meter.Observe(line);
        if (meter.Version != version && meter.InFlight.IsZero)
        {
            // The turn ended and its reported cost is about to reach the ledger: stop counting its estimate at once.
            _options.SharedInFlight?.Clear(RunId);
        }
    }

    /// <summary>Once per run: a budget is set but the model has no price, so it can only act on reported costs.</summary>
    private void WarnUnpriced()
    {
        if (_warnedUnpriced)
        {
            return;
        }

        _warnedUnpriced = true;
        var model = _options.LiveUsage?.Model ?? _recorder?.Tally.Model ?? "(unnamed)";
        AppendNotice("warning", $"the budget cannot stop this turn early: model {model} has no price (add it to prices.yaml in AgentDeck's config folder); the budget acts on the cost the agent reports when the turn ends");
    }

    /// <summary>Called by the flusher under the ledger lock, maybe inside a transaction with other workers' commits.</summary>
    void IFlushTarget.FlushPending()
    {
        // After the final commit the run's status is the recorder's: a late tick must not put a live status back.
        if (!_finished && (_recorder!.PendingEvents > 0 || Lines() != _linesAtSync || _activity.Status != _syncedStatus))
        {
            FlushAndSync();
        }
    }

    /// <summary>Ends the supervision with the error once the agent is done (as a failing commit always did).</summary>
    void IFlushTarget.FlushFailed(Exception error) => _flushError ??= error;

    private async Task GuardLoopAsync(DateTimeOffset started, CancellationToken cancellationToken)
    {
        var limits = _options.Limits;
        var timeout = limits.RunTimeout is { } t ? TimeoutAsync(t, cancellationToken) : Task.CompletedTask;
        while (limits.GlobalBudgetUsd is not null && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.PollInterval, _options.Clock, cancellationToken).ConfigureAwait(false);
            if (GlobalBudgetCrossed())
            {
                _ = RequestStop(EndReason.GlobalBudget, force: false);
            }
        }

        await timeout.ConfigureAwait(false);
    }

    private async Task TimeoutAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Delay(timeout, _options.Clock, cancellationToken).ConfigureAwait(false);
        _ = RequestStop(EndReason.Timeout, force: false);
    }

    /// <summary>True when today's spend reached the global budget; records a warning once past the soft threshold.</summary>
    private bool GlobalBudgetCrossed()
    {
        if (_options.Limits.GlobalBudgetUsd is not { } budget)
        {
            return false;
        }

        lock (_gate)
        {
            var spend = GlobalSpend.Today(_ledger, _options.Clock.GetUtcNow(), RunId) + (SpentSoFar() ?? 0)
                        + (_options.SharedInFlight?.OthersThan(RunId) ?? 0);
            if (spend >= budget)
            {
                return true;
            }

            if (!_warned && spend >= budget * _options.Limits.GlobalWarningFraction)
            {
                _warned = true;
                AppendNotice("warning", $"today's spend ${spend:0.####} is past {_options.Limits.GlobalWarningFraction:P0} of the global budget ${budget:0.##}");
            }

            return false;
        }
    }

    /// <summary>Starts stopping the worker (once; a later forced stop escalates). Returns the stop in progress, if any.</summary>
    private Task<ProcessExitStatus>? RequestStop(EndReason reason, bool force)
    {
        lock (_stopGate)
        {
            _endReason ??= reason;
            if (_process is not { } process)
            {
                return null;
            }

            if (_stopTask is null || (force && !_forced))
            {
                _forced |= force;
                _stopTask = ProcessStopper.StopAsync(process, GentleStopOrNull(), _options.StopGrace, force, _options.Clock);
            }

            return _stopTask;
        }
    }

    /// <summary>The protocol's interrupt plus closing stdin, when the driver has one and stdin is still open.</summary>
    private Func<Task>? GentleStopOrNull()
    {
        var lines = Locked(() => _driver.Interrupt());
        if (lines is null || !_stdinOpen)
        {
            return null;
        }

        return async () =>
        {
            if (!await WriteLinesAsync(lines).ConfigureAwait(false))
            {
                await _process!.SignalAsync(ProcessSignal.Interrupt, _process.OwnsProcessGroup).ConfigureAwait(false);
            }

            await CloseStdinAsync().ConfigureAwait(false);
        };
    }

    /// <summary>Writes lines to stdin in order; false when stdin is closed (or broke).</summary>
    private async Task<bool> WriteLinesAsync(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return true;
        }

        await _stdin.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_stdinOpen)
            {
                return false;
            }

            foreach (var line in lines)
            {
                await _process!.WriteStdinLineAsync(line).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            _stdinOpen = false;
            return false;
        }
        finally
        {
            _stdin.Release();
        }
    }

    private async Task CloseStdinAsync()
    {
        await _stdin.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stdinOpen)
            {
                _stdinOpen = false;
                _process!.CloseStdin();
            }
        }
        finally
        {
            _stdin.Release();
        }
    }

    /// <summary>Commits pending events, then puts back the live status the recorder's tally does not know (idle, waiting).</summary>
    private void FlushAndSync()
    {
        _recorder!.Flush();
        // Past a limit the worker is about to be stopped: never show it idle or waiting (a 'wait' would take that
        // for the turn's success) before the stop's final status lands.
        var wanted = LimitCrossed() is null ? _activity.Status : _syncedStatus;
        if (wanted != RunStatus.Idle)
        {
            _steeredFromIdle = null;
        }

        var shown = wanted == RunStatus.Idle && _steeredFromIdle is { } steered ? steered : wanted;
        if (shown != _recorder.Tally.Status)
        {
            _ledger.UpdateRun(RunId, new RunUpdate { Status = shown });
        }

        _syncedStatus = wanted;
        _linesAtSync = Lines();
    }

    /// <summary>
    /// The turn in flight never reported its usage (stopped or dead mid-turn): the tokens its stream showed were still
    /// spent, so they go on the run as an estimate, priced and added to whatever the agent reported for earlier turns,
    /// instead of vanishing from its cost.
    /// </summary>
    private void RecordUnreportedTurn()
    {
        if (_options.LiveUsage is not { InFlight: { IsZero: false } tokens } meter)
        {
            return;
        }

        _recorder!.AddOwnEvent(new UsageReported(tokens, null, meter.Model ?? _recorder.Tally.Model, Estimated: true));
        _recorder.AddOwnEvent(new Notice("info",
            $"the turn ended without reporting its usage; recorded the {tokens.TotalInput + tokens.Output} tokens its stream showed", "agentdeck"));
    }

    private long Lines() => _recorder!.StdoutLines + _recorder.StderrLines;

    private async Task<RunRecord> FinishAsync(ProcessExitStatus exit)
    {
        // Each step can be made again after a locked ledger: the recorder completes once, the correction is idempotent.
        var record = await WriteAsync(() =>
        {
            if (!_finished)
            {
                _finished = true;
                RecordUnreportedTurn();
            }

            return _recorder!.Complete(exit.ExitCode);
        }).ConfigureAwait(false);
        if (FinalCorrection(record) is { } update)
        {
            record = await WriteAsync(() => _ledger.UpdateRun(RunId, update)).ConfigureAwait(false);
        }

        if (_endReason is { } reason && reason != EndReason.StoppedByUser)
        {
            await WriteAsync(() => AppendNotice("error", reason.Message)).ConfigureAwait(false);
        }

        return record;
    }

    private Task<T> WriteAsync<T>(Func<T> write) => ContendedWrite.WriteAsync(_gate, write, () => _flusher.Tick.NextAsync(), _options.Clock);

    /// <summary>What the supervisor knows better than the stream: why it ended the worker, and a turn that never came.</summary>
    private RunUpdate? FinalCorrection(RunRecord record)
    {
        if (_endReason is { } reason)
        {
            return new RunUpdate { Status = reason.Status, FailureReason = reason.FailureReason ?? string.Empty };
        }

        if (_interruptRequested && record.Status == RunStatus.Failed && record.FailureReason == FailureReasons.Crash)
        {
            return new RunUpdate { Status = RunStatus.Interrupted, FailureReason = FailureReasons.Aborted };
        }

        if (record.Status == RunStatus.Succeeded && _activity.TurnsCompleted == 0)
        {
            // Exit code 0 without a single finished turn: the agent printed nothing AgentDeck could read as a result.
            return new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.Crash };
        }

        return null;
    }

    private RunRecord EndWithoutStart(EndReason reason, string? notice)
    {
        lock (_gate)
        {
            if (notice is not null)
            {
                AppendNotice("error", notice);
            }

            return _ledger.UpdateRun(RunId, new RunUpdate
            {
                Status = reason.Status,
                FailureReason = reason.FailureReason,
                EndedAt = _options.Clock.GetUtcNow(),
            });
        }
    }

    private RunRecord EndNotStarted(string message)
    {
        lock (_gate)
        {
            _recorder!.AddStderrLine(Encoding.UTF8.GetBytes(message));
            _recorder.Complete(exitCode: null);
            return _ledger.UpdateRun(RunId, new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.Config });
        }
    }

    private AppendResult AppendNotice(string level, string message) =>
        _ledger.AppendEvents(RunId, [new EventToAppend(new Notice(level, message, "agentdeck"), RunStream.Stdout, 0, _options.Clock.GetUtcNow())]);

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>A pump that fails kills the agent, so the other pump (and the wait for the exit) ends too.</summary>
    private async Task KillOnFailure(Task pump)
    {
        try
        {
            await pump.ConfigureAwait(false);
        }
        catch
        {
            await KillQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task KillQuietlyAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        try
        {
            await process.SignalAsync(ProcessSignal.Kill, process.OwnsProcessGroup).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
