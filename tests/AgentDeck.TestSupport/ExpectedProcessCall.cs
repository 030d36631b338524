using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.TestSupport;

/// <summary>
/// One call a <see cref="FakeProcessRunner"/> expects: an exact program and argument list, and the script the fake
/// process plays (output lines, exit code, delay, or running until signalled).
/// </summary>
public sealed class ExpectedProcessCall
{
    private static readonly ProcessSignal[] AllSignals = Enum.GetValues<ProcessSignal>();

    private readonly List<ReadOnlyMemory<byte>> _stdout = [];
    private readonly List<ReadOnlyMemory<byte>> _stderr = [];

    internal ExpectedProcessCall(string fileName, IReadOnlyList<string> arguments)
    {
        FileName = fileName;
        Arguments = arguments;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Arguments { get; }

    public bool WasCalled { get; internal set; }

    internal IReadOnlyList<ReadOnlyMemory<byte>> StdoutLines => _stdout;

    internal IReadOnlyList<ReadOnlyMemory<byte>> StderrLines => _stderr;

    internal int ExitCode { get; private set; }

    internal TimeSpan Delay { get; private set; }

    internal IReadOnlySet<ProcessSignal>? ExitsOnSignals { get; private set; }

    internal bool IsNotInstalled { get; private set; }

    internal string? ExpectedWorkingDirectory { get; private set; }

    internal string? ExpectedStdinText { get; private set; }

    public ExpectedProcessCall Stdout(params string[] lines)
    {
        _stdout.AddRange(lines.Select(l => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(l))));
        return this;
    }

    public ExpectedProcessCall StdoutBytes(params byte[][] lines)
    {
        _stdout.AddRange(lines.Select(l => new ReadOnlyMemory<byte>(l)));
        return this;
    }

    public ExpectedProcessCall Stderr(params string[] lines)
    {
        _stderr.AddRange(lines.Select(l => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(l))));
        return this;
    }

    public ExpectedProcessCall ExitsWith(int exitCode)
    {
        ExitCode = exitCode;
        return this;
    }

    /// <summary>The process waits this long (on the runner's clock) before it writes its output and exits.</summary>
    public ExpectedProcessCall After(TimeSpan delay)
    {
        Delay = delay;
        return this;
    }

    /// <summary>
    /// After its output the process keeps running until it receives one of these signals (any signal when none are
    /// named); it always dies of <see cref="ProcessSignal.Kill"/>.
    /// </summary>
    public ExpectedProcessCall RunsUntilSignalled(params ProcessSignal[] exitsOn)
    {
        ExitsOnSignals = new HashSet<ProcessSignal>(exitsOn.Length == 0 ? AllSignals : [.. exitsOn, ProcessSignal.Kill]);
        return this;
    }

    /// <summary>The runner throws <see cref="ProcessStartException.NotInstalled"/> for this call.</summary>
    public ExpectedProcessCall NotInstalled()
    {
        IsNotInstalled = true;
        return this;
    }

    public ExpectedProcessCall InWorkingDirectory(string directory)
    {
        ExpectedWorkingDirectory = directory;
        return this;
    }

    /// <summary>RunAsync must be given exactly this stdin text.</summary>
    public ExpectedProcessCall WithStdin(string text)
    {
        ExpectedStdinText = text;
        return this;
    }

    public override string ToString() => FakeProcessRunner.Describe(FileName, Arguments);
}
