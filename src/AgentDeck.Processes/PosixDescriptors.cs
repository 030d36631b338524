using System.Runtime.InteropServices;

namespace AgentDeck.Processes;

/// <summary>
/// Linux calls for handing open descriptors between processes: <c>sendmsg</c>/<c>recvmsg</c> with <c>SCM_RIGHTS</c>,
/// <c>poll</c> to wait on a socket or a pidfd, and <c>pidfd_open</c> to wait for a process that is not our child.
/// </summary>
internal static unsafe partial class Posix
{
    public const short PollIn = 0x1;
    public const short PollOut = 0x4;

    private const int SolSocket = 1;
    private const int ScmRights = 1;
    private const int MsgNoSignal = 0x4000;
    private const int MsgCmsgCloexec = 0x40000000;
    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EAGAIN
    private const int PidfdOpenSyscall = 434; // the same number on x86-64 and arm64
    private const int ControlHeaderBytes = 16; // struct cmsghdr on 64-bit Linux: size_t len, int level, int type

    /// <summary>Sends all of <paramref name="data"/>; the descriptors ride with its first byte.</summary>
    public static void SendWithDescriptors(nint socket, ReadOnlySpan<byte> data, ReadOnlySpan<int> descriptors, int timeoutMs)
    {
        var controlLength = descriptors.Length == 0 ? 0 : ControlSpace(descriptors.Length);
        var control = stackalloc byte[Math.Max(controlLength, 1)];
        new Span<byte>(control, Math.Max(controlLength, 1)).Clear();
        if (descriptors.Length > 0)
        {
            *(nuint*)control = (nuint)(ControlHeaderBytes + (4 * descriptors.Length));
            *(int*)(control + 8) = SolSocket;
            *(int*)(control + 12) = ScmRights;
            descriptors.CopyTo(new Span<int>(control + ControlHeaderBytes, descriptors.Length));
        }

        var sent = 0;
        fixed (byte* bytes = data)
        {
            while (sent < data.Length)
            {
                var vector = new IoVector { Base = bytes + sent, Length = (nuint)(data.Length - sent) };
                var header = new MessageHeader { Vector = &vector, VectorLength = 1 };
                if (sent == 0 && controlLength > 0)
                {
                    header.Control = control;
                    header.ControlLength = (nuint)controlLength;
                }

                var result = sendmsg((int)socket, &header, MsgNoSignal);
                if (result >= 0)
                {
                    sent += (int)result;
                    continue;
                }

                WaitOrThrow(socket, PollOut, timeoutMs, "sendmsg");
            }
        }
    }

    /// <summary>
    /// Receives up to <paramref name="buffer"/>'s length; descriptors that came along are added to
    /// <paramref name="received"/> (close-on-exec). Returns 0 at end of stream.
    /// </summary>
    public static int ReceiveWithDescriptors(nint socket, Span<byte> buffer, List<int> received, int timeoutMs)
    {
        const int MaxDescriptors = 16;
        var controlLength = ControlSpace(MaxDescriptors);
        var control = stackalloc byte[controlLength];
        fixed (byte* bytes = buffer)
        {
            while (true)
            {
                new Span<byte>(control, controlLength).Clear();
                var vector = new IoVector { Base = bytes, Length = (nuint)buffer.Length };
                var header = new MessageHeader { Vector = &vector, VectorLength = 1, Control = control, ControlLength = (nuint)controlLength };
                var result = recvmsg((int)socket, &header, MsgCmsgCloexec);
                if (result >= 0)
                {
                    CollectDescriptors(control, (int)header.ControlLength, received);
                    return (int)result;
                }

                WaitOrThrow(socket, PollIn, timeoutMs, "recvmsg");
            }
        }
    }

    /// <summary>Waits until the descriptor is ready for <paramref name="events"/>; false at the timeout (-1: none).</summary>
    public static bool Poll(int descriptor, short events, int timeoutMs)
    {
        var entry = new PollEntry { Descriptor = descriptor, Events = events };
        while (true)
        {
            var result = poll(&entry, 1, timeoutMs);
            if (result >= 0)
            {
                return result > 0;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                throw new IOException($"poll failed: {Marshal.GetPInvokeErrorMessage(errno)}");
            }
        }
    }

    /// <summary>A descriptor that becomes readable when the process exits, or -1 when the kernel offers none.</summary>
    public static int OpenPidDescriptor(int pid) => (int)syscall(PidfdOpenSyscall, pid, 0);

    public static void Close(int descriptor) => close(descriptor);

    private static void CollectDescriptors(byte* control, int length, List<int> received)
    {
        var offset = 0;
        while (offset + ControlHeaderBytes <= length)
        {
            var entryLength = (int)*(nuint*)(control + offset);
            if (entryLength < ControlHeaderBytes)
            {
                return;
            }

            if (*(int*)(control + offset + 8) == SolSocket && *(int*)(control + offset + 12) == ScmRights)
            {
                var count = (entryLength - ControlHeaderBytes) / 4;
                for (var i = 0; i < count; i++)
                {
                    received.Add(*(int*)(control + offset + ControlHeaderBytes + (4 * i)));
                }
            }

            offset += (entryLength + 7) & ~7;
        }
    }

    private static void WaitOrThrow(nint socket, short events, int timeoutMs, string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        if (errno == Interrupted)
        {
            return;
        }

        if (errno != WouldBlock)
        {
            throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        if (!Poll((int)socket, events, timeoutMs))
        {
            throw new TimeoutException($"{call} timed out after {timeoutMs} ms");
        }
    }

    private static int ControlSpace(int descriptors) => ControlHeaderBytes + ((4 * descriptors + 7) & ~7);

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vector;
        public nuint VectorLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollEntry
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint sendmsg(int socket, MessageHeader* message, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recvmsg(int socket, MessageHeader* message, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollEntry* entries, nuint count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint syscall(nint number, int pid, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int descriptor);
}
