namespace AgentDeck.Core.Processes;

/// <summary>
/// A started child process. Disposing releases AgentDeck's handles only; it never stops the process (a worker must
/// outlive whoever watches it). Stop it with signals.
/// </summary>
public interface IRunningProcess : IAsyncDisposable
{
    int Pid { get; }

    /// <summary>The process group the child is in; equals <see cref="Pid"/> when it owns its group.</summary>
    int ProcessGroupId { get; }

    /// <summary>True when the child leads its own session and group, so the group may be signalled as a whole.</summary>
    bool OwnsProcessGroup { get; }

    bool HasExited { get; }

    /// <summary>
    /// True while the child or, when it owns its group, any non-zombie member of its group is alive. Grandchildren
    /// keep a group alive after its leader exited.
    /// </summary>
    bool HasLiveGroupMembers { get; }

    /// <summary>
    /// Stdout split at '\n', each line's bytes verbatim without the '\n' (a '\r' stays; invalid UTF-8 stays). A last
    /// line without a newline is still a line. Read by one consumer; unread lines are buffered, never block the child.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> StdoutLines { get; }

    /// <summary>Stderr split into lines the same way as <see cref="StdoutLines"/>.</summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> StderrLines { get; }

    /// <summary>Writes the line as UTF-8 followed by '\n'. Requires <see cref="StdinMode.Pipe"/>.</summary>
    Task WriteStdinLineAsync(string line, CancellationToken cancellationToken = default);

    /// <summary>Closes stdin so the child reads end-of-file. Safe to call more than once.</summary>
    void CloseStdin();

    /// <summary>
    /// Sends the signal to the child, or to every process of its group when <paramref name="wholeGroup"/> (only for a
    /// child that owns its group). Returns false when no process was there to receive it.
    /// </summary>
    Task<bool> SignalAsync(ProcessSignal signal, bool wholeGroup);

    Task<ProcessExitStatus> WaitForExitAsync(CancellationToken cancellationToken = default);
}
