using System.Runtime.InteropServices;

namespace AgentDeck.Terminal;

/// <summary>
/// The only code that talks termios: raw mode through libc tcgetattr/cfmakeraw/tcsetattr on stdin, the window size
/// through ioctl(TIOCGWINSZ), and input through poll/read. The termios struct is kept as an opaque block larger than
/// any platform's, so no field layout is assumed.
/// </summary>
internal sealed unsafe partial class PosixTerminalDevice : ITerminalDevice
{
    private const int StdIn = 0;
    private const int StdOut = 1;
    private const int TcsaNow = 0;
    private const short PollIn = 1;
    private const int TermiosBlockSize = 512;
    private const int EIntr = 4;
    private const ulong TiocGWinSz = 0x5413;

    private readonly byte[] _saved = new byte[TermiosBlockSize];
    private bool _haveSaved;

    public static bool IsTerminal(int fd) => isatty(fd) == 1;

    public void EnterRawMode()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            throw new TerminalUnavailableException("AgentDeck's screen needs a POSIX terminal (Linux or macOS); use the CLI commands on this system.");
        }

        var raw = new byte[TermiosBlockSize];
        fixed (byte* saved = _saved)
        fixed (byte* rawPtr = raw)
        {
            if (tcgetattr(StdIn, saved) != 0)
            {
                throw new TerminalUnavailableException("AgentDeck's screen needs a terminal, but standard input is not one; run it in a terminal or use the CLI commands.");
            }

            _haveSaved = true;
            Buffer.MemoryCopy(saved, rawPtr, TermiosBlockSize, TermiosBlockSize);
            cfmakeraw(rawPtr);
            if (tcsetattr(StdIn, TcsaNow, rawPtr) != 0)
            {
                throw new TerminalUnavailableException($"Could not switch the terminal to raw mode (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
    }

    public void RestoreMode()
    {
        if (!_haveSaved)
        {
            return;
        }

        fixed (byte* saved = _saved)
        {
            tcsetattr(StdIn, TcsaNow, saved);
        }
    }

    public (int Width, int Height)? GetSize()
    {
        // ioctl is variadic, which P/Invoke cannot call portably (Apple arm64 passes varargs on the stack), so the
        // direct call is used on Linux only and other systems ask System.Console.
        WinSize size;
        if (OperatingSystem.IsLinux() && ioctl(StdOut, TiocGWinSz, &size) == 0 && size.Columns > 0 && size.Rows > 0)
        {
            return (size.Columns, size.Rows);
        }

        try
        {
            return Console.WindowWidth > 0 && Console.WindowHeight > 0 ? (Console.WindowWidth, Console.WindowHeight) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        var descriptor = new PollDescriptor { Fd = StdIn, Events = PollIn };
        var ready = poll(&descriptor, 1, timeoutMilliseconds);
        if (ready < 0)
        {
            return Marshal.GetLastPInvokeError() == EIntr ? 0 : -1; // EINTR: a signal such as SIGWINCH arrived
        }

        if (ready == 0)
        {
            return 0;
        }

        if ((descriptor.Revents & PollIn) == 0)
        {
            return -1; // hang-up or error without data: input has ended
        }

        fixed (byte* bytes = buffer)
        {
            var count = read(StdIn, bytes, buffer.Length);
            return count > 0 ? (int)count : count < 0 && Marshal.GetLastPInvokeError() == EIntr ? 0 : -1;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, ulong request, WinSize* size);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollDescriptor* fds, ulong count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc")]
    private static partial int isatty(int fd);
}
