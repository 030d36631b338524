using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Ledger;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// A spawn with no supervisor host serving: starts the host and, beside it, the worker here at once (the spec the host would
/// use, in its own session, under a waiter that keeps its stdout and stderr in the run's capture files and records its
/// pid and exit code) with the driver's first stdin lines waiting for it in a file, and hands the worker's stdin to the host in an
/// <c>adopt</c> request. The kernel holds the output from the first byte, so this front end dying at any moment loses
/// nothing: the host reads the capture files from their start, and a worker nobody handed over is found by the host
/// when it starts serving (<c>HostOrphans</c>). Until the host's answer this front end also records the worker's first
/// stdout lines itself (<see cref="FirstLinesRecording"/>), so an agent that prints before the host is up has its
/// first events in the ledger at once; it holds the run's <see cref="FirstLinesLock"/> from before the worker starts
/// until then, and the host reads the capture only once the lock is free, replaying the lines the raw log holds.
/// When the host refuses the worker, the worker is killed and the run failed with the reason.
/// </summary>
public sealed class ColdSpawn(WorkerServices services, IProcessHandoff starter, HostClient hosts)
{
    private static readonly TimeSpan AdoptLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AdoptPollDelay = TimeSpan.FromMilliseconds(5);

    // The host keeps the live status (idle, waiting, the end): until it adopts, the worker is simply running.
    private static readonly RunRecorderOptions FirstLinesOptions = new() { InterimStatus = RunStatus.Running };

    /// <summary>The host's ok (the run is its now); throws <see cref="CliException"/> when the worker could not be handed over.</summary>
    /// <param name="parser">The agent's parser, as the host will make it (called on the recording thread).</param>
    /// <param name="warmUp">A throwaway parse on the recording thread before its first look, so the first line costs no JIT.</param>
    public ControlReply HandOver(ControlRequest start, IAgentDriver driver, Func<IAgentStreamParser> parser, Action warmUp)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(warmUp);
        var runId = start.Run ?? throw new ArgumentException("the start request names no run", nameof(start));

        var files = services.Files(runId);
        files.EnsurePrivateDirectory();
        var record = SupervisorRecord.ForCurrentProcess(DateTimeOffset.UtcNow);
        // Until the host adopts the worker this front end supervises it; the lock tells the host when it let go (or died).
        record.Save(files.Supervisor);
        using var recordingLock = FirstLinesLock.TryHold(files);
        File.Delete(files.ExitStatus);
        File.Delete(files.WaiterPid);

        // The host's start (a .NET process, its ledger, its price table) is the long pole: under way first, beside the
        // worker's (waiting for its process cost a cold spawn ~0.3 s on a loaded box). A front end that dies before the
        // host's process exists leaves a worker no host finds: its lifeline kills it within 30 s, and the run reads lost.
        var hostStarting = Task.Run(() => hosts.EnsureServingAsync());
        var hostFiles = new HostFiles(services.Paths);
        var spec = driver.Spec with
        {
            Grouping = ProcessGrouping.NewSession,
            Environment = WorkerEnvironment.Compose(start.Environment, driver.Spec.Environment),
        };

        var capture = new WorkerCapture(files.CaptureStdout, files.CaptureStderr, files.ExitStatus, files.WaiterPid, hostFiles.HostLock);
        // The driver's first lines (the prompt, handshakes) go in before the worker starts: it reads them whoever dies.
        var written = spec.Stdin == StdinMode.Pipe ? driver.OnStarted() : [];
        using var worker = Start(runId, spec, capture, written);
        record.With(worker.Pid).Save(files.Supervisor);
        using var recording = recordingLock is null
            ? null
            : FirstLinesRecording.Start(files.CaptureStdout, () => worker.HasExited, () => new RunRecorder(services.Ledger, runId, parser(), services.Paths, FirstLinesOptions), warmUp);
        var adopt = new ControlRequest(ControlRequest.Adopt)
        {
            Run = runId,
            KeepOpen = start.KeepOpen,
            Environment = start.Environment,
            Pid = worker.Pid,
            StartTicks = ProcessIdentity.StartTicks(worker.Pid) ?? 0,
            StdinWritten = written,
            FirstLinesRecorded = recording is not null,
        };

        ControlReply reply;
        try
        {
            var adoptSocket = hostFiles.AdoptSocket;
            Func<ControlRequest, CancellationToken, Task<ControlReply>> send = (request, token) => SendAdoptAsync(adoptSocket, request, worker, token);
            reply = AdoptWhileHostStartsAsync(adopt, send, () => File.Exists(adoptSocket), hostStarting).GetAwaiter().GetResult()
                    ?? hosts.SendAsync(adopt, send).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is ControlUnavailableException or TimeoutException)
        {
            reply = ControlReply.Failure(error.Message);
        }
        finally
        {
            // The host has answered (or none will): what was recorded is committed, then the host may read the pipe.
            recording?.Dispose();
            recordingLock?.Dispose();
        }

        if (!reply.Ok)
        {
            worker.Kill();
            Fail(runId, $"no supervisor host took the worker over: {reply.Error}");
            throw new CliException($"run {runId} could not start: no supervisor host took the worker over ({reply.Error}); the worker was stopped");
        }

        return reply;
    }

    /// <summary>
    /// Asks the starting host to adopt the worker as soon as its adopt socket answers (it serves that one before its
    /// control socket); null when the host start ended without it answering (the host client then tries again, or
    /// says why not) or when the host is closing.
    /// </summary>
    private static async Task<ControlReply?> AdoptWhileHostStartsAsync(
        ControlRequest adopt, Func<ControlRequest, CancellationToken, Task<ControlReply>> send, Func<bool> socketExists, Task hostStarting)
    {
        while (true)
        {
            var started = hostStarting.IsCompleted;
            if (!started && !socketExists())
            {
                // A look at the folder costs the starting host (on the same cores) far less than a failed connect.
                await Task.WhenAny(hostStarting, Task.Delay(AdoptPollDelay)).ConfigureAwait(false);
                continue;
            }

            try
            {
                var reply = await send(adopt, CancellationToken.None).ConfigureAwait(false);
                return reply.Error == SupervisorHost.ClosingError ? null : reply;
            }
            catch (ControlUnavailableException) when (!started)
            {
                await Task.WhenAny(hostStarting, Task.Delay(AdoptPollDelay)).ConfigureAwait(false);
            }
            catch (ControlUnavailableException)
            {
                return null;
            }
        }
    }

    private HandoffProcess Start(string runId, ProcessSpec spec, WorkerCapture capture, IReadOnlyList<string> firstLines)
    {
        try
        {
            return starter.StartForHandoff(spec, capture, firstLines);
        }
        catch (ProcessStartException error)
        {
            Fail(runId, error.Message, FailureReasons.Config);
            throw new CliException(error.Message);
        }
    }

    private static async Task<ControlReply> SendAdoptAsync(string adoptSocket, ControlRequest request, HandoffProcess worker, CancellationToken cancellationToken)
    {
        string answer;
        try
        {
            answer = await DescriptorClient.SendAsync(adoptSocket, ControlLines.Write(request), worker.Descriptors, AdoptLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is System.Net.Sockets.SocketException or IOException)
        {
            throw new ControlUnavailableException($"no supervisor host answers at {adoptSocket}", error);
        }

        return ControlLines.ReadReply(answer);
    }

    private void Fail(string runId, string reason, string failureReason = FailureReasons.Crash)
    {
        var now = DateTimeOffset.UtcNow;
        services.Ledger.AppendEvents(runId, [new EventToAppend(new Notice("error", reason, "agentdeck"), RunStream.Stdout, 0, now)]);
        services.Ledger.UpdateRun(runId, new RunUpdate { Status = RunStatus.Failed, FailureReason = failureReason, EndedAt = now });
    }
}
