using System.Text;
using System.Threading.Channels;
using AgentDeck.Core.Processes;

namespace AgentDeck.TestSupport;

/// <summary>
/// A process played from an <see cref="ExpectedProcessCall"/> script. It records what the code under test did to it:
/// stdin lines, stdin closing, signals.
/// </summary>
public sealed class FakeRunningProcess : IRunningProcess
{
    private readonly ExpectedProcessCall _script;
    private readonly Channel<ReadOnlyMemory<byte>> _stdout = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
    private readonly Channel<ReadOnlyMemory<byte>> _stderr = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
    private readonly TaskCompletionSource<ProcessExitStatus> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(ProcessSignal Signal, bool WholeGroup)> _signals = [];
    private readonly List<string> _stdinLines = [];
    private readonly object _gate = new();

    internal FakeRunningProcess(ProcessSpec spec, ExpectedProcessCall script, int pid, TimeProvider clock)
    {
        Spec = spec;
        _script = script;
        Pid = pid;
        OwnsProcessGroup = spec.Grouping == ProcessGrouping.NewSession;
        ProcessGroupId = OwnsProcessGroup ? pid : FakeProcessRunner.StarterProcessGroupId;
        StdinClosed = spec.Stdin == StdinMode.None;
        _ = PlayAsync(clock);
    }

    public ProcessSpec Spec { get; }

    public int Pid { get; }

    public int ProcessGroupId { get; }

    public bool OwnsProcessGroup { get; }

    public bool HasExited => _exit.Task.IsCompleted;

    public bool HasLiveGroupMembers => !HasExited;

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StdoutLines => _stdout.Reader.ReadAllAsync();

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StderrLines => _stderr.Reader.ReadAllAsync();

    public bool StdinClosed { get; private set; }

    public IReadOnlyList<string> StdinLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdinLines];
            }
        }
    }

    public IReadOnlyList<(ProcessSignal Signal, bool WholeGroup)> Signals
    {
        get
        {
            lock (_gate)
            {
                return [.. _signals];
            }
        }
    }

    public Task WriteStdinLineAsync(string line, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (StdinClosed)
            {
                throw new InvalidOperationException($"stdin of {Spec.FileName} is closed or not a pipe");
            }

            _stdinLines.Add(line);
        }

        return Task.CompletedTask;
    }

    public void CloseStdin() => StdinClosed = true;

    public Task<bool> SignalAsync(ProcessSignal signal, bool wholeGroup)
    {
        if (wholeGroup && !OwnsProcessGroup)
        {
            throw new InvalidOperationException($"{Spec.FileName} shares the starter's process group; it cannot be signalled as a group");
        }

        lock (_gate)
        {
            _signals.Add((signal, wholeGroup));
        }

        if (HasExited)
        {
            return Task.FromResult(false);
        }

        if (_script.ExitsOnSignals is { } exitsOn ? exitsOn.Contains(signal) : true)
        {
            Exit(ProcessExitStatus.KilledBy(signal));
        }

        return Task.FromResult(true);
    }

    public Task<ProcessExitStatus> WaitForExitAsync(CancellationToken cancellationToken = default) =>
        _exit.Task.WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal string StdoutText => Join(_stdout);

    internal string StderrText => Join(_stderr);

    private async Task PlayAsync(TimeProvider clock)
    {
        if (_script.Delay > TimeSpan.Zero)
        {
            await Task.WhenAny(Task.Delay(_script.Delay, clock), _exit.Task).ConfigureAwait(false);
        }

        if (HasExited)
        {
            return;
        }

        foreach (var line in _script.StdoutLines)
        {
            _stdout.Writer.TryWrite(line);
        }

        foreach (var line in _script.StderrLines)
        {
            _stderr.Writer.TryWrite(line);
        }

        if (_script.ExitsOnSignals is null)
        {
            Exit(new ProcessExitStatus(_script.ExitCode));
        }
    }

    private void Exit(ProcessExitStatus status)
    {
        _stdout.Writer.TryComplete();
        _stderr.Writer.TryComplete();
        _exit.TrySetResult(status);
    }

    private static string Join(Channel<ReadOnlyMemory<byte>> lines)
    {
        var text = new StringBuilder();
        while (lines.Reader.TryRead(out var line))
        {
            text.Append(Encoding.UTF8.GetString(line.Span)).Append('\n');
        }

        return text.ToString();
    }
}
