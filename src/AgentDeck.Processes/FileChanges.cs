using System.Runtime.InteropServices;

namespace AgentDeck.Processes;

/// <summary>
/// Wakes readers of growing files (the workers' capture files) when the kernel reports a write to them: one inotify
/// descriptor per process, read by one blocked thread, so an idle worker costs no wake-ups at all. Where inotify is
/// not to be had, a waiter is woken after a short delay instead.
/// </summary>
internal static partial class FileChanges
{
    private const uint Modified = 0x2; // IN_MODIFY
    private const int CloseOnExec = 0x80000; // IN_CLOEXEC; reads stay blocking on the watching thread
    private const int EventHeaderBytes = 16; // int wd, uint mask, uint cookie, uint len
    private static readonly TimeSpan FallbackDelay = TimeSpan.FromMilliseconds(25);

    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, int> Watchers = [];
    private static readonly Dictionary<int, List<TaskCompletionSource>> Waiting = [];
    private static int _descriptor = -2;

    /// <summary>Starts watching the file; returns the watch (shared by everyone watching the same file), or -1 when none could be made.</summary>
    public static int Watch(string path)
    {
        lock (Gate)
        {
            if (Open() < 0)
            {
                return -1;
            }

            var watch = inotify_add_watch(_descriptor, path, Modified);
            if (watch >= 0)
            {
                Watchers[watch] = Watchers.GetValueOrDefault(watch) + 1;
            }

            return watch;
        }
    }

    /// <summary>Stops one watcher of the watch; the last one removes it (and wakes whoever still waits on it).</summary>
    public static void Unwatch(int watch)
    {
        if (watch < 0)
        {
            return;
        }

        lock (Gate)
        {
            var left = Watchers.GetValueOrDefault(watch) - 1;
            if (left > 0)
            {
                Watchers[watch] = left;
                return;
            }

            Watchers.Remove(watch);
            _ = inotify_rm_watch(_descriptor, watch);
            WakeLocked(watch);
        }
    }

    /// <summary>Completes on the next write to the watched file after this call (or after a short delay without a watch).</summary>
    public static Task NextChangeAsync(int watch)
    {
        if (watch < 0)
        {
            return Task.Delay(FallbackDelay);
        }

        var change = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Gate)
        {
            if (!Waiting.TryGetValue(watch, out var waiting))
            {
                Waiting[watch] = waiting = [];
            }

            waiting.Add(change);
        }

        return change.Task;
    }

    private static int Open()
    {
        if (_descriptor != -2)
        {
            return _descriptor;
        }

        _descriptor = OperatingSystem.IsLinux() ? inotify_init1(CloseOnExec) : -1;
        if (_descriptor >= 0)
        {
            new Thread(ReadEvents) { IsBackground = true, Name = "capture-changes" }.Start();
        }

        return _descriptor;
    }

    private static unsafe void ReadEvents()
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            nint read;
            fixed (byte* start = buffer)
            {
                read = Read(_descriptor, start, (nuint)buffer.Length);
            }

            if (read <= 0)
            {
                if (read < 0 && Marshal.GetLastPInvokeError() == 4)
                {
                    continue; // EINTR
                }

                return;
            }

            lock (Gate)
            {
                for (var offset = 0; offset + EventHeaderBytes <= read;)
                {
                    WakeLocked(BitConverter.ToInt32(buffer, offset));
                    offset += EventHeaderBytes + (int)BitConverter.ToUInt32(buffer, offset + 12);
                }
            }
        }
    }

    private static void WakeLocked(int watch)
    {
        if (Waiting.Remove(watch, out var waiting))
        {
            foreach (var change in waiting)
            {
                change.TrySetResult();
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int inotify_init1(int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int inotify_add_watch(int descriptor, string path, uint mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int inotify_rm_watch(int descriptor, int watch);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int descriptor, byte* buffer, nuint count);
}
