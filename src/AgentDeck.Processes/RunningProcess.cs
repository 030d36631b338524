using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using System.Threading.Channels;
using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>A child started by <see cref="ProcessRunner"/>, its output pumped into line channels from the start.</summary>
internal sealed class RunningProcess : IRunningProcess
{
    private static readonly byte[] Newline = [(byte)'\n'];

    private readonly Process _process;
    private readonly ProcessSpec _spec;
    private readonly Channel<ReadOnlyMemory<byte>> _stdout = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new() { SingleReader = true, SingleWriter = true });
    private readonly Channel<ReadOnlyMemory<byte>> _stderr = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new() { SingleReader = true, SingleWriter = true });
    private readonly Task _pumps;
    private readonly Task _exited;
    private readonly SemaphoreSlim _stdinLock = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly Stream _stdoutSource;
    private readonly Stream _stderrSource;
    private Stream? _stdin;

    public RunningProcess(Process process, ProcessSpec spec, LineSplitter splitter)
    {
        _process = process;
        _spec = spec;
        Pid = process.Id;
        OwnsProcessGroup = spec.Grouping == ProcessGrouping.NewSession;
        if (OwnsProcessGroup)
        {
            SessionLeader.WaitUntilLeading(Pid, () => process.HasExited);
        }

        ProcessGroupId = OwnsProcessGroup ? Pid : Posix.CurrentProcessGroup;
        _exited = process.WaitForExitAsync();
        _stdoutSource = Source(process.StandardOutput.BaseStream, splitter);
        _stderrSource = Source(process.StandardError.BaseStream, splitter);
        _pumps = Task.WhenAll(
            Task.Run(() => splitter.PumpAsync(_stdoutSource, _stdout.Writer, _disposed.Token)),
            Task.Run(() => splitter.PumpAsync(_stderrSource, _stderr.Writer, _disposed.Token)));

        _stdin = process.StandardInput.BaseStream;
        if (spec.Stdin == StdinMode.None)
        {
            CloseStdin();
        }
    }

    public int Pid { get; }

    /// <summary>
    /// A paced splitter reads a pipe on its tick; the runtime's pipe stream would still wake for every write the child
    /// makes (its socket engine keeps the pipe armed), so such pipes are read through <see cref="PolledPipeStream"/>.
    /// </summary>
    private static Stream Source(Stream pipe, LineSplitter splitter) =>
        splitter.IsPaced && OperatingSystem.IsLinux() && pipe is PipeStream { SafePipeHandle: var handle } ? new PolledPipeStream(handle) : pipe;

    public int ProcessGroupId { get; }

    public bool OwnsProcessGroup { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>True when stdout and stderr are read through <see cref="PolledPipeStream"/> (a paced runner on Linux).</summary>
    internal bool ReadsPolled => _stdoutSource is PolledPipeStream && _stderrSource is PolledPipeStream;

    public bool HasLiveGroupMembers => OwnsProcessGroup ? !HasExited || ProcessTable.HasLiveMembers(ProcessGroupId) : !HasExited;

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StdoutLines => _stdout.Reader.ReadAllAsync();

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StderrLines => _stderr.Reader.ReadAllAsync();

    public async Task WriteStdinLineAsync(string line, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        await _stdinLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stdin = _stdin ?? throw new InvalidOperationException(_spec.Stdin == StdinMode.Pipe
                ? $"stdin of {_spec.FileName} is already closed"
                : $"stdin of {_spec.FileName} is not a pipe: start it with Stdin = StdinMode.Pipe");
            await stdin.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
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
        var stdin = Interlocked.Exchange(ref _stdin, null);
        try
        {
            stdin?.Dispose();
        }
        catch (IOException)
        {
            // The child exited without reading everything: closing a broken pipe is still closed.
        }
    }

    public Task<bool> SignalAsync(ProcessSignal signal, bool wholeGroup)
    {
        if (wholeGroup && !OwnsProcessGroup)
        {
            throw new InvalidOperationException(
                $"{_spec.FileName} shares AgentDeck's process group; start it with Grouping = ProcessGrouping.NewSession to signal its group");
        }

        // Once reaped, the pid may belong to someone else: never signal it. A group id stays reserved while it has members.
        if (!wholeGroup && HasExited)
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(Posix.Send(wholeGroup ? ProcessGroupId : Pid, signal, wholeGroup));
    }

    public async Task<ProcessExitStatus> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ProcessExitStatus(_process.ExitCode);
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
        // Before the pipes close: a watched descriptor must leave the watch before its number can be reused.
        _stdoutSource.Dispose();
        _stderrSource.Dispose();
        _process.Dispose();
        _disposed.Dispose();
    }
}
