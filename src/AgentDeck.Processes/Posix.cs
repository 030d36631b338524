using System.Runtime.InteropServices;
using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>The only place AgentDeck calls libc directly: signals and session/group ids.</summary>
internal static partial class Posix
{
    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Sends the signal to one process, or to a whole group when <paramref name="group"/>. False when no process is there.</summary>
    public static bool Send(int pidOrPgid, ProcessSignal signal, bool group)
    {
        if (pidOrPgid <= 1)
        {
            // kill(0) / kill(-1) / kill(1) would hit our own group, every process, or init: never a child.
            throw new ArgumentOutOfRangeException(nameof(pidOrPgid), pidOrPgid, "not a child process id");
        }

        var target = group ? -pidOrPgid : pidOrPgid;
        if (kill(target, SignalNumber(signal)) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({target}, {signal}) failed: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>AgentDeck's own process group, which children started without a new session share.</summary>
    public static int CurrentProcessGroup => getpgid(0);

    /// <summary>The session of a process, or -1 when it is gone.</summary>
    public static int SessionOf(int pid) => getsid(pid);

    public static int CurrentSession => getsid(0);

    /// <summary>Creates a FIFO readable and writable by the owner alone.</summary>
    public static void MakeFifo(string path)
    {
        if (mkfifo(path, 0x180) != 0)
        {
            throw new IOException($"cannot create the FIFO {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    private static int SignalNumber(ProcessSignal signal) => signal switch
    {
        ProcessSignal.Hangup => 1,
        ProcessSignal.Interrupt => 2,
        ProcessSignal.Kill => 9,
        ProcessSignal.Terminate => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getpgid(int pid);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getsid(int pid);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkfifo(string path, uint mode);
}
