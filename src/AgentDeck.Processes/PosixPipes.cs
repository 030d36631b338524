using System.Runtime.InteropServices;

namespace AgentDeck.Processes;

/// <summary>
/// Linux pipe calls for looking into a pipe without consuming it: <c>tee</c> into a private pipe, <c>FIONREAD</c> to
/// see whether anything new arrived, and the pipe's capacity.
/// </summary>
internal static unsafe partial class Posix
{
    public const short PollHangUp = 0x10;

    private const int PipeCloseOnExec = 0x80000; // O_CLOEXEC
    private const int PipeNonBlocking = 0x800;   // O_NONBLOCK
    private const uint SpliceNonBlocking = 0x2;  // SPLICE_F_NONBLOCK
    private const nuint BytesReadable = 0x541B;  // FIONREAD
    private const int SetPipeSize = 1031;        // F_SETPIPE_SZ
    private const int GetPipeSize = 1032;        // F_GETPIPE_SZ

    /// <summary>A new pipe, both ends close-on-exec and non-blocking: (read end, write end), or -errno in the first.</summary>
    public static (int Read, int Write) OpenPrivatePipe()
    {
        var ends = stackalloc int[2];
        return pipe2(ends, PipeCloseOnExec | PipeNonBlocking) == 0 ? (ends[0], ends[1]) : (-Marshal.GetLastPInvokeError(), -1);
    }

    /// <summary>Copies up to <paramref name="length"/> bytes from the head of one pipe into another, consuming none: the count, or -errno.</summary>
    public static long Tee(int from, int to, long length)
    {
        var copied = tee(from, to, (nuint)length, SpliceNonBlocking);
        return copied >= 0 ? copied : -Marshal.GetLastPInvokeError();
    }

    /// <summary>The bytes waiting in a pipe, or -errno.</summary>
    public static int BytesWaiting(int pipe)
    {
        int waiting;
        return ioctl(pipe, BytesReadable, &waiting) == 0 ? waiting : -Marshal.GetLastPInvokeError();
    }

    /// <summary>The pipe's capacity in bytes, or -errno.</summary>
    public static int PipeCapacity(int pipe)
    {
        var size = fcntl(pipe, GetPipeSize, 0);
        return size >= 0 ? size : -Marshal.GetLastPInvokeError();
    }

    /// <summary>Asks for at least <paramref name="bytes"/> of capacity; false when the kernel refuses (a limit for unprivileged users).</summary>
    public static bool GrowPipe(int pipe, int bytes) => fcntl(pipe, SetPipeSize, bytes) >= 0;

    /// <summary>The events of <paramref name="events"/> that hold now (hang-up and errors always count), without waiting.</summary>
    public static short EventsNow(int descriptor, short events)
    {
        var entry = new PollEntry { Descriptor = descriptor, Events = events };
        return poll(&entry, 1, 0) > 0 ? entry.ReturnedEvents : (short)0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int pipe2(int* ends, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint tee(int fdIn, int fdOut, nuint length, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, int* argument);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int command, int argument);
}
