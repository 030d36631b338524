using System.Collections.Concurrent;

namespace AgentDeck.Processes;

/// <summary>
/// Tells a pipe reader when its pipe has data, through one epoll set and one thread for the whole process. Each wait
/// arms the pipe once (one-shot): a pipe whose reader is busy elsewhere is not watched at all, so a child writing a
/// line every few milliseconds to a reader that takes its output on a tick wakes nothing per line (the runtime's own
/// socket engine keeps every pipe armed and wakes for every write).
/// </summary>
internal sealed class PipeReadiness
{
    private const int Batch = 64;

    private static readonly Lazy<PipeReadiness> Shared = new(() => new PipeReadiness());

    private readonly int _epoll = Epoll.Create();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _waiting = new();
    private long _lastId;

    private PipeReadiness()
    {
        var watcher = new Thread(Watch) { IsBackground = true, Name = "AgentDeck pipes" };
        watcher.Start();
    }

    public static PipeReadiness Instance => Shared.Value;

    /// <summary>A new identity for a pipe (never reused, unlike file descriptors).</summary>
    public long NewId() => Interlocked.Increment(ref _lastId);

    /// <summary>Completes once <paramref name="fd"/> is readable (data, end of file or error).</summary>
    public async Task WaitReadableAsync(int fd, long id, bool armedBefore, CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = ready;
        var error = Epoll.Control(_epoll, armedBefore ? Epoll.CtlMod : Epoll.CtlAdd, fd, Epoll.In | Epoll.ReadHangUp | Epoll.OneShot, id);
        if (error != 0)
        {
            _waiting.TryRemove(id, out _);
            throw new IOException($"cannot watch pipe {fd} (errno {error})");
        }

        await using (cancellationToken.Register(() =>
        {
            if (_waiting.TryRemove(id, out var waiter))
            {
                waiter.TrySetCanceled(cancellationToken);
            }
        }))
        {
            await ready.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Stops watching the pipe (before its descriptor is closed).</summary>
    public void Forget(int fd, long id)
    {
        _ = Epoll.Control(_epoll, Epoll.CtlDel, fd, 0, id);
        if (_waiting.TryRemove(id, out var waiter))
        {
            waiter.TrySetCanceled();
        }
    }

    private void Watch()
    {
        var buffer = new byte[Batch * Epoll.EventSize];
        var ids = new long[Batch];
        while (true)
        {
            var count = Epoll.Wait(_epoll, buffer, ids);
            for (var i = 0; i < count; i++)
            {
                if (_waiting.TryRemove(ids[i], out var waiter))
                {
                    waiter.TrySetResult();
                }
            }

            if (count < 0 && count != -Epoll.Interrupted)
            {
                // Not expected from a valid epoll set; pause instead of spinning on a broken one.
                Thread.Sleep(100);
            }
        }
    }
}
