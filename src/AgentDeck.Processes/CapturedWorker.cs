using System.Globalization;
using System.IO.Pipes;
using System.Text;
using System.Threading.Channels;
using AgentDeck.Core.Processes;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Processes;

/// <summary>
/// A worker whose output the kernel keeps in its capture files (<see cref="IProcessHandoff"/>), supervised by a process
/// that is not its parent: its stdout and stderr are read from those files as they grow (from their start, so
/// nothing it printed before is missed, whoever supervised it then); its end is seen through a pidfd and its exit code
/// read from the file its waiter writes. <see cref="Pid"/> is the waiter's, which leads the group the agent runs in,
/// so every signal goes to the group. Its stdin is a pipe handed over by the process that started it, or none.
/// </summary>
public sealed class CapturedWorker : IRunningProcess
{
    private static readonly byte[] Newline = [(byte)'\n'];
    private static readonly TimeSpan ProcPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _exitStatusPath;
    private readonly Func<bool> _isAlive;
    private readonly Queue<string> _alreadyWritten;
    private readonly Channel<ReadOnlyMemory<byte>> _stdout = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new() { SingleReader = true, SingleWriter = true });
    private readonly Channel<ReadOnlyMemory<byte>> _stderr = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new() { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _stdinLock = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _pumps;
    private readonly Task _exited;
    private readonly bool _seenAlive;
    private readonly ProcessTree _tree;
    private Stream? _stdin;

    /// <param name="pid">The waiter's pid, which leads the worker's session and group.</param>
    /// <param name="isAlive">True while <paramref name="pid"/> is still the same process (not a reused pid).</param>
    /// <param name="capture">The worker's capture files.</param>
    /// <param name="stdin">The worker's stdin pipe, owned from here on; null when nobody can write to it any more.</param>
    /// <param name="alreadyWritten">Stdin lines the starter wrote already: the same lines written again are skipped, in order.</param>
    /// <param name="readPace">The host's ingest tick, as for a paced <see cref="ProcessRunner"/>; null reads as soon as data arrives.</param>
    /// <param name="beforeStdoutRead">
    /// Awaited before the first read of stdout (the starter may still be recording the first lines itself); null reads at once.
    /// </param>
    public CapturedWorker(
        int pid, Func<bool> isAlive, WorkerCapture capture, SafeFileHandle? stdin, IReadOnlyList<string> alreadyWritten,
        Func<CancellationToken, Task>? readPace = null, Func<CancellationToken, Task>? beforeStdoutRead = null)
        : this(pid, isAlive, capture, stdin, alreadyWritten, LineSplitter.DefaultMaxLineBytes, readPace, beforeStdoutRead)
    {
    }

    internal CapturedWorker(
        int pid, Func<bool> isAlive, WorkerCapture capture, SafeFileHandle? stdin, IReadOnlyList<string> alreadyWritten,
        int maxLineBytes, Func<CancellationToken, Task>? readPace = null, Func<CancellationToken, Task>? beforeStdoutRead = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        Pid = pid;
        _isAlive = isAlive ?? throw new ArgumentNullException(nameof(isAlive));
        _exitStatusPath = capture.ExitStatus;
        _alreadyWritten = new Queue<string>(alreadyWritten ?? []);
        var splitter = readPace is null ? new LineSplitter(maxLineBytes) : new LineSplitter(maxLineBytes, readPace);
        _stdin = stdin is null ? null : Pipe(stdin, PipeDirection.Out);
        // A waiter never seen alive may have left its pid to another process: its group is never signalled then.
        _seenAlive = _isAlive();
        _tree = new ProcessTree(pid);
        _exited = WatchExitAsync();
        _pumps = Task.WhenAll(
            Task.Run(() => PumpAsync(splitter, capture.Stdout, _stdout.Writer, beforeStdoutRead)),
            Task.Run(() => PumpAsync(splitter, capture.Stderr, _stderr.Writer, null)));
    }

    /// <summary>
    /// The waiter of the worker these capture files belong to, while it lives: the pid it recorded, checked against the
    /// process's own command line (which names the capture's exit status file), so a reused pid is never taken for it.
    /// </summary>
    public static int? FindWaiter(WorkerCapture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        try
        {
            if (!int.TryParse(File.ReadAllText(capture.WaiterPid).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains('\0' + Path.GetFullPath(capture.ExitStatus) + '\0', StringComparison.Ordinal)
                   && ProcessTable.TryRead(pid, out var entry) && !entry.IsZombie
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public int Pid { get; }

    public int ProcessGroupId => Pid;

    public bool OwnsProcessGroup => true;

    public bool HasExited => _exited.IsCompleted;

    public bool HasLiveGroupMembers => _seenAlive && (!HasExited || ProcessTable.HasLiveMembers(ProcessGroupId) || _tree.HasLiveEscaped);

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StdoutLines => _stdout.Reader.ReadAllAsync();

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StderrLines => _stderr.Reader.ReadAllAsync();

    public async Task WriteStdinLineAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        await _stdinLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_alreadyWritten.TryPeek(out var written))
            {
                if (written == line)
                {
                    _alreadyWritten.Dequeue();
                    return;
                }

                _alreadyWritten.Clear();
            }

            var stdin = _stdin ?? throw new InvalidOperationException("stdin of the worker is closed (or was never handed over)");
            await stdin.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
            await stdin.WriteAsync(Newline, cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _stdinLock.Release();
        }
    }

    public void CloseStdin()
    {
        try
        {
            Interlocked.Exchange(ref _stdin, null)?.Dispose();
        }
        catch (IOException)
        {
            // The worker exited without reading everything: closing a broken pipe is still closed.
        }
    }

    public Task<bool> SignalAsync(ProcessSignal signal, bool wholeGroup)
    {
        // Once gone, the pid may belong to someone else: never signal it. The group id stays reserved while it has members.
        if (!_seenAlive || (!wholeGroup && HasExited))
        {
            return Task.FromResult(false);
        }

        if (!wholeGroup || signal is not (ProcessSignal.Terminate or ProcessSignal.Kill))
        {
            return Task.FromResult(Posix.Send(Pid, signal, wholeGroup));
        }

        // A stop ends everything the worker started, also what left its group: the tree is known before anyone dies.
        _tree.Collect();
        var sent = Posix.Send(Pid, signal, group: true);
        return Task.FromResult(_tree.SignalEscaped(signal) > 0 || sent);
    }

    public async Task<ProcessExitStatus> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        return ReadExitStatus();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        CloseStdin();
        await _disposed.CancelAsync().ConfigureAwait(false);
        await _pumps.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposed.Dispose();
    }

    /// <summary>The waiter's record; none means the waiter was killed with the worker (SIGKILL to the group).</summary>
    private ProcessExitStatus ReadExitStatus()
    {
        try
        {
            var text = File.ReadAllText(_exitStatusPath).Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return new ProcessExitStatus(code);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return ProcessExitStatus.KilledBy(ProcessSignal.Kill);
    }

    private async Task PumpAsync(LineSplitter splitter, string capture, ChannelWriter<ReadOnlyMemory<byte>> lines, Func<CancellationToken, Task>? beforeFirstRead)
    {
        if (beforeFirstRead is not null)
        {
            try
            {
                await beforeFirstRead(_disposed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Disposed before it could read: nothing was read, and nothing will be.
                lines.TryComplete();
                return;
            }
        }

        await using var tail = new CaptureTail(capture, _exited);
        await splitter.PumpAsync(tail, lines, _disposed.Token).ConfigureAwait(false);
    }

    private Task WatchExitAsync()
    {
        var pidfd = Posix.OpenPidDescriptor(Pid);
        if (pidfd >= 0 && !_isAlive())
        {
            // The pid was reused before we looked: the worker is long gone.
            Posix.Close(pidfd);
            return Task.CompletedTask;
        }

        if (pidfd < 0)
        {
            return WatchProcAsync();
        }

        // One blocked thread per handed-over worker (only cold spawns are handed over), woken by the kernel at its end.
        return Task.Factory.StartNew(() =>
        {
            try
            {
                Posix.Poll(pidfd, Posix.PollIn, -1);
            }
            finally
            {
                Posix.Close(pidfd);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private async Task WatchProcAsync()
    {
        while (_isAlive())
        {
            await Task.Delay(ProcPollInterval).ConfigureAwait(false);
        }
    }

    private static Stream Pipe(SafeFileHandle descriptor, PipeDirection direction)
    {
        var pipe = new SafePipeHandle(descriptor.DangerousGetHandle(), ownsHandle: true);
        descriptor.SetHandleAsInvalid();
        return new AnonymousPipeClientStream(direction, pipe);
    }
}
