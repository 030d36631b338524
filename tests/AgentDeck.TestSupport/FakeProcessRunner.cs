using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.TestSupport;

/// <summary>
/// An <see cref="IProcessRunner"/> for unit tests (lazygit style): the test registers the exact calls it expects, in
/// order, each with the output the fake process plays. A call that differs from the next expectation throws
/// <see cref="UnexpectedProcessCallException"/> showing the expected and actual argument lists, and is remembered so
/// that <see cref="VerifyAllCalled"/> fails too even if the code under test swallowed the exception.
/// </summary>
public sealed class FakeProcessRunner(TimeProvider? clock = null) : IProcessRunner
{
    /// <summary>The process group a fake child shares when it does not get its own session.</summary>
    public const int StarterProcessGroupId = 4242;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Queue<ExpectedProcessCall> _pending = new();
    private readonly List<ExpectedProcessCall> _all = [];
    private readonly List<ProcessSpec> _calls = [];
    private readonly List<FakeRunningProcess> _started = [];
    private readonly List<string> _failures = [];
    private readonly object _gate = new();
    private int _nextPid = 10_000;

    public IReadOnlyList<ProcessSpec> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The processes handed out by <see cref="Start"/>, in order.</summary>
    public IReadOnlyList<FakeRunningProcess> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public ExpectedProcessCall Expect(string fileName, params string[] arguments)
    {
        var call = new ExpectedProcessCall(fileName, arguments);
        lock (_gate)
        {
            _pending.Enqueue(call);
            _all.Add(call);
        }

        return call;
    }

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, string? stdinText, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var script = Take(spec, stdinText);
        var process = new FakeRunningProcess(spec, script, NextPid(), _clock);
        var exited = process.WaitForExitAsync(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            await Task.WhenAny(exited, Task.Delay(timeout, _clock, cancellationToken)).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var timedOut = !process.HasExited;
        if (timedOut)
        {
            await process.SignalAsync(ProcessSignal.Kill, process.OwnsProcessGroup).ConfigureAwait(false);
        }

        var status = await exited.ConfigureAwait(false);
        return new ProcessResult(status.ExitCode, process.StdoutText, process.StderrText, timedOut);
    }

    public IRunningProcess Start(ProcessSpec spec)
    {
        var process = new FakeRunningProcess(spec, Take(spec, stdinText: null), NextPid(), _clock);
        lock (_gate)
        {
            _started.Add(process);
        }

        return process;
    }

    public int StartDetached(ProcessSpec spec, string? stdoutPath = null, string? stderrPath = null)
    {
        Take(spec, stdinText: null);
        return NextPid();
    }

    /// <summary>Throws when an expected call was never made or any call was unexpected.</summary>
    public void VerifyAllCalled()
    {
        lock (_gate)
        {
            var problems = new List<string>(_failures);
            problems.AddRange(_all.Where(c => !c.WasCalled).Select(c => $"expected call never made: {c}"));
            if (problems.Count > 0)
            {
                throw new UnexpectedProcessCallException(string.Join(Environment.NewLine, problems));
            }
        }
    }

    /// <summary>A program and its arguments with every argument quoted, so spaces and empty strings show.</summary>
    public static string Describe(string fileName, IReadOnlyList<string> arguments) =>
        $"{fileName} [{string.Join(", ", arguments.Select(Quote))}]";

    private ExpectedProcessCall Take(ProcessSpec spec, string? stdinText)
    {
        ExpectedProcessCall script;
        lock (_gate)
        {
            _calls.Add(spec);
            var mismatch = _pending.TryPeek(out var next) ? Mismatch(next, spec, stdinText) : "no more calls were expected";
            if (mismatch is not null)
            {
                var message = new StringBuilder($"FakeProcessRunner: unexpected call #{_calls.Count}: {mismatch}")
                    .AppendLine().Append("  expected: ").Append(next?.ToString() ?? "(nothing)")
                    .AppendLine().Append("  actual:   ").Append(Describe(spec.FileName, spec.Arguments))
                    .ToString();
                _failures.Add(message);
                throw new UnexpectedProcessCallException(message);
            }

            script = _pending.Dequeue();
            script.WasCalled = true;
        }

        return script.IsNotInstalled ? throw ProcessStartException.NotInstalled(spec) : script;
    }

    private static string? Mismatch(ExpectedProcessCall expected, ProcessSpec actual, string? stdinText)
    {
        if (expected.FileName != actual.FileName)
        {
            return $"program differs (expected {Quote(expected.FileName)}, actual {Quote(actual.FileName)})";
        }

        var common = Math.Min(expected.Arguments.Count, actual.Arguments.Count);
        for (var i = 0; i < common; i++)
        {
            if (expected.Arguments[i] != actual.Arguments[i])
            {
                return $"argument {i} differs (expected {Quote(expected.Arguments[i])}, actual {Quote(actual.Arguments[i])})";
            }
        }

        if (expected.Arguments.Count != actual.Arguments.Count)
        {
            return $"expected {expected.Arguments.Count} arguments, got {actual.Arguments.Count}";
        }

        if (expected.ExpectedWorkingDirectory is { } directory && directory != actual.WorkingDirectory)
        {
            return $"working directory differs (expected {Quote(directory)}, actual {Quote(actual.WorkingDirectory ?? "(inherited)")})";
        }

        if (expected.ExpectedStdinText is { } stdin && stdin != stdinText)
        {
            return $"stdin differs (expected {Quote(stdin)}, actual {Quote(stdinText ?? "(none)")})";
        }

        return null;
    }

    private int NextPid() => Interlocked.Increment(ref _nextPid);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
