using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>
/// The process runner's way to start a worker in one process and supervise it from another: the child's stdout and
/// stderr go straight to capture files (the kernel keeps them, whoever dies), its stdin stays a pipe to hand over, and
/// a waiter records its pid and exit status in files because the process that supervises it is not its parent.
/// <see cref="ProcessRunner"/> implements it; a runner that does not (a unit test's fake) makes callers use the
/// ordinary start.
/// </summary>
public interface IProcessHandoff
{
    /// <summary>
    /// Starts <paramref name="spec"/> in its own session under a waiter that keeps its output, pid and exit code (128 +
    /// N when killed by signal N) in the files of <paramref name="capture"/>; with a stdin pipe, the worker reads
    /// <paramref name="firstStdinLines"/> (each followed by '\n') before anything written to the pipe.
    /// </summary>
    HandoffProcess StartForHandoff(ProcessSpec spec, WorkerCapture capture, IReadOnlyList<string> firstStdinLines);
}
