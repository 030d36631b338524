using System.Diagnostics;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;
using AgentDeck.Core.Processes;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Processes;

/// <summary>
/// A worker started by <see cref="IProcessHandoff.StartForHandoff"/>: its output goes to its capture files, and its
/// stdin pipe waits to be sent to its supervisor. <see cref="Pid"/> is the waiter's (it leads the session and the
/// process group the agent runs in). Disposing closes this process's stdin end only; stop the worker with <see cref="Kill"/>.
/// </summary>
public sealed class HandoffProcess : IDisposable
{
    private static readonly byte[] Newline = [(byte)'\n'];

    private readonly Process _process;
    private Stream? _stdin;

    internal HandoffProcess(Process process, ProcessSpec spec)
    {
        _process = process;
        Pid = process.Id;
        _stdin = process.StandardInput.BaseStream;

        // The waiter points its stdout and stderr at the capture files before anything prints: these ends carry nothing.
        process.StandardOutput.Dispose();
        process.StandardError.Dispose();
        if (spec.Stdin == StdinMode.None)
        {
            CloseStdin();
        }
    }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The pipe end to hand over: stdin while it is open, else nothing.</summary>
    public IReadOnlyList<SafeHandle> Descriptors => _stdin is PipeStream pipe ? [pipe.SafePipeHandle] : [];

    /// <summary>Writes each line as UTF-8 followed by '\n' (the agent's first input, before anyone supervises it).</summary>
    public void WriteStdinLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var stdin = _stdin ?? throw new InvalidOperationException("stdin is not a pipe: start the worker with Stdin = StdinMode.Pipe");
        foreach (var line in lines)
        {
            stdin.Write(Encoding.UTF8.GetBytes(line));
            stdin.Write(Newline);
        }

        stdin.Flush();
    }

    /// <summary>
    /// Supervises the worker from this process (its parent): its stdin pipe end moves to the returned worker, which
    /// reads the capture files like any adopted one; this object keeps nothing but the reaping of the waiter.
    /// </summary>
    public CapturedWorker SuperviseHere(WorkerCapture capture, Func<CancellationToken, Task>? readPace = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var startTicks = ProcessTable.StartTicks(Pid);
        SafeFileHandle? stdin = null;
        if (Interlocked.Exchange(ref _stdin, null) is PipeStream pipe)
        {
            stdin = new SafeFileHandle(pipe.SafePipeHandle.DangerousGetHandle(), ownsHandle: true);
            pipe.SafePipeHandle.SetHandleAsInvalid();
        }

        return new CapturedWorker(Pid, () => startTicks is not null && ProcessTable.StartTicks(Pid) == startTicks, capture, stdin, [], readPace);
    }

    /// <summary>SIGKILL to the worker's whole group (the waiter and the agent with everything it started).</summary>
    public void Kill() => Posix.Send(Pid, ProcessSignal.Kill, group: true);

    public void Dispose()
    {
        CloseStdin();
        _process.Dispose();
    }

    private void CloseStdin()
    {
        try
        {
            Interlocked.Exchange(ref _stdin, null)?.Dispose();
        }
        catch (IOException)
        {
            // The agent exited without reading: a broken pipe is closed all the same.
        }
    }
}
