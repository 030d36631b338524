using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using AgentDeck.Core.Processes;
using System.Runtime.InteropServices;

namespace AgentDeck.Processes;

/// <summary>
/// A worker started by <see cref="IProcessHandoff.StartForHandoff"/> whose pipes wait, unread, to be sent to its
/// supervisor. <see cref="Pid"/> is the waiter's (it leads the session and the process group the agent runs in).
/// Disposing closes this process's pipe ends only; stop the worker with <see cref="Kill"/>.
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
        if (spec.Stdin == StdinMode.None)
        {
            CloseStdin();
        }
    }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The pipe ends to hand over: stdout, stderr, then stdin while it is open.</summary>
    public IReadOnlyList<SafeHandle> Descriptors =>
        _stdin is null
            ? [PipeHandle(_process.StandardOutput.BaseStream), PipeHandle(_process.StandardError.BaseStream)]
            : [PipeHandle(_process.StandardOutput.BaseStream), PipeHandle(_process.StandardError.BaseStream), PipeHandle(_stdin)];

    /// <summary>
    /// Starts looking at the worker's stdout without consuming it (see <see cref="PipePeek"/>), so this process can
    /// record the first lines while its supervisor starts; null where the kernel offers no way to. Dispose the peek
    /// before this process.
    /// </summary>
    public PipePeek? PeekStdout() => PipePeek.TryStart(PipeHandle(_process.StandardOutput.BaseStream));

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

    private static SafeHandle PipeHandle(Stream stream) => stream is PipeStream pipe
        ? pipe.SafePipeHandle
        : throw new InvalidOperationException($"the child's stdio is a {stream.GetType().Name}, not a pipe: it cannot be handed over");
}
