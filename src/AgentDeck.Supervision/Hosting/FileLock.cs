namespace AgentDeck.Supervision.Hosting;

/// <summary>
/// An exclusive lock on a file between processes (.NET opens a <see cref="FileShare.None"/> stream with
/// <c>flock(LOCK_EX)</c> on Unix). The kernel releases it when the holder exits, so a crashed holder never leaves it
/// taken; the descriptor is close-on-exec, so children never inherit it.
/// </summary>
public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(10);

    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another holder has it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>Waits for the lock; null when it stayed taken for <paramref name="limit"/>.</summary>
    public static async Task<FileLock?> AcquireAsync(string path, TimeSpan limit, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var time = clock ?? TimeProvider.System;
        var deadline = time.GetUtcNow() + limit;
        while (true)
        {
            if (TryAcquire(path) is { } acquired)
            {
                return acquired;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stream.Dispose();
}
