using System.Runtime.InteropServices;

namespace AgentDeck.Processes;

/// <summary>The few Linux calls a polled pipe needs: epoll (one-shot readiness), non-blocking mode and read.</summary>
internal static unsafe partial class Epoll
{
    public const int In = 0x001;
    public const int ReadHangUp = 0x2000;
    public const int OneShot = 1 << 30;
    public const int CtlAdd = 1;
    public const int CtlDel = 2;
    public const int CtlMod = 3;
    public const int WouldBlock = 11; // EAGAIN
    public const int Interrupted = 4; // EINTR

    private const int CloseOnExec = 0x80000;
    private const int GetFlags = 3;
    private const int SetFlags = 4;
    private const int NonBlocking = 0x800;

    /// <summary>struct epoll_event is packed (12 bytes) on x86-64 and naturally aligned (16 bytes) elsewhere.</summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static int Create()
    {
        var fd = epoll_create1(CloseOnExec);
        return fd >= 0 ? fd : throw new IOException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Adds, re-arms or removes <paramref name="fd"/>; returns 0 or the errno.</summary>
    public static int Control(int epoll, int op, int fd, int events, long data)
    {
        var item = stackalloc byte[16];
        *(uint*)item = (uint)events;
        *(long*)(item + DataOffset) = data;
        return epoll_ctl(epoll, op, fd, item) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Blocks until events arrive; fills <paramref name="data"/> with their data words. Returns the count, or -errno.</summary>
    public static int Wait(int epoll, byte[] buffer, long[] data)
    {
        fixed (byte* events = buffer)
        {
            var count = epoll_wait(epoll, events, data.Length, -1);
            if (count < 0)
            {
                return -Marshal.GetLastPInvokeError();
            }

            for (var i = 0; i < count; i++)
            {
                data[i] = *(long*)(events + (i * EventSize) + DataOffset);
            }

            return count;
        }
    }

    public static void MakeNonBlocking(int fd)
    {
        var flags = fcntl(fd, GetFlags, 0);
        if (flags < 0 || fcntl(fd, SetFlags, flags | NonBlocking) < 0)
        {
            throw new IOException($"cannot make pipe {fd} non-blocking (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>read(2) into the span: the byte count (0 at end of file), or -errno.</summary>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* bytes = buffer)
        {
            var read = read_(fd, bytes, buffer.Length);
            return read >= 0 ? (int)read : -Marshal.GetLastPInvokeError();
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, byte* @event);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int cmd, int arg);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint read_(int fd, byte* buf, nint count);
}
