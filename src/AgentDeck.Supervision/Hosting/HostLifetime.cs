namespace AgentDeck.Supervision.Hosting;

/// <summary>How a starting host claims the state folder: by taking the host lock, which one process holds at a time.</summary>
public static class HostLifetime
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The host lock, waiting while a closing host lets go of it; null when another host serves (this one is not
    /// needed) or the lock stayed taken for <paramref name="limit"/>.
    /// </summary>
    public static async Task<FileLock?> ClaimAsync(HostFiles files, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.EnsurePrivateDirectory();
        var probe = new HostClient(files, () => throw new InvalidOperationException("a host never starts another host"), TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (FileLock.TryAcquire(files.HostLock) is { } claimed)
            {
                return claimed;
            }

            if (DateTime.UtcNow >= deadline || await probe.IsServingAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}
