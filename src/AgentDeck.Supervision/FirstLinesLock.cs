using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Supervision;

/// <summary>
/// The lock a cold-spawning front end holds while it records its worker's first stdout lines (looking into the pipe
/// without consuming it, while the host starts). The host reads that pipe, and opens the run's raw logs, only once the
/// lock is free: the front end let go after the host's answer, or died (the kernel lets go for it). Then every line
/// the front end recorded is in the raw log, and still the first in the pipe.
/// </summary>
public static class FirstLinesLock
{
    public const string FileName = "first-lines.lock";

    /// <summary>How long the host waits for a front end that neither lets go nor dies before it reads anyway.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    public static string PathOf(RunFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Path.Combine(files.Directory, FileName);
    }

    /// <summary>The front end's hold on the lock; null when it cannot be had (then it must not record).</summary>
    public static FileLock? TryHold(RunFiles files) => FileLock.TryAcquire(PathOf(files));

    /// <summary>Waits until no front end holds the lock (at most <see cref="WaitLimit"/>).</summary>
    public static async Task WaitUntilFreeAsync(RunFiles files, CancellationToken cancellationToken)
    {
        using var free = await FileLock.AcquireAsync(PathOf(files), WaitLimit, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
