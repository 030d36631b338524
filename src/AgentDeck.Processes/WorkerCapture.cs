namespace AgentDeck.Processes;

/// <summary>
/// Where a handed-over worker's output and end are kept by the kernel rather than by a process: its stdout and stderr
/// are opened straight onto <see cref="Stdout"/> and <see cref="Stderr"/> (appending), so no supervisor's death can lose
/// a byte; its waiter writes its own pid to <see cref="WaiterPid"/> first and the exit code to <see cref="ExitStatus"/>
/// last. <see cref="Lifeline"/> is the supervisor host's lock: once a host holds it, the worker's whole group is killed
/// when it is let go (the host died), so no worker runs on unwatched; null starts the worker without one.
/// A worker with a stdin pipe reads <see cref="StdinFirstLines"/> (written before it starts, so its first input never
/// depends on its starter living on) and then the pipe, both through <see cref="StdinFifo"/>.
/// </summary>
public sealed record WorkerCapture(string Stdout, string Stderr, string ExitStatus, string WaiterPid, string? Lifeline)
{
    /// <summary>Where the waiter's feed finds the worker's stdin files: <c>stdin.first</c> and <c>stdin.fifo</c> beside the capture.</summary>
    public string StdinFeed => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Stdout)) ?? ".", "stdin");

    public string StdinFirstLines => StdinFeed + ".first";

    public string StdinFifo => StdinFeed + ".fifo";
}
