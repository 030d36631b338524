namespace AgentDeck.Core.Processes;

/// <summary>
/// The one seam through which every external program (agent CLIs, git, tmux) is started. Unit tests substitute a fake
/// that expects exact argument lists. A program missing from PATH fails with <see cref="ProcessStartException"/>
/// before anything is started.
/// </summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs a short command to completion, feeding it <paramref name="stdinText"/> when given. At the timeout the
    /// command (and its group, when it owns one) is killed and the result says <see cref="ProcessResult.TimedOut"/>.
    /// Cancellation kills it too and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, string? stdinText, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Starts a long-running child whose output is streamed as lines of bytes.</summary>
    IRunningProcess Start(ProcessSpec spec);

    /// <summary>
    /// Starts a daemon that must outlive its starter: its own session, stdin from /dev/null, stdout and stderr appended
    /// to the given files (or /dev/null). Nothing waits on it. Returns its pid, which is also its pgid and sid.
    /// </summary>
    int StartDetached(ProcessSpec spec, string? stdoutPath = null, string? stderrPath = null);
}
