using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>
/// Turns a <see cref="ProcessSpec"/> into a <see cref="ProcessStartInfo"/>. .NET cannot call setsid() between fork and
/// exec, so a child that needs its own session is started through util-linux <c>setsid</c>: the forked child is not a
/// group leader, so setsid calls setsid() and execs the program in place, keeping the pid (pid == pgid == sid).
/// </summary>
internal static class StartInfoFactory
{
    private const string DetachScriptName = "agentdeck-detach";

    // Runs inside the new session: point stdio at the files, then become the daemon (same pid).
    private const string DetachScript = "exec </dev/null >>\"$1\" 2>>\"$2\" || exit 126; shift 2; exec \"$@\"";

    private const string WaiterScriptName = "agentdeck-waiter";

    // Leads the new session: records its pid, points the worker's stdout and stderr at the capture files, starts the
    // lifeline watch, runs the program and writes its exit code (128 + N when a signal killed it). The traps keep the
    // waiter alive through the interrupt and terminate signals sent to the group; a caught signal is reset to its
    // default in the program it starts, so the agent still sees them. SIGKILL ends both: no file.
    // With a feed, the agent's stdin is a FIFO fed by a cat that ignores the stop signals: first the lines written
    // before the start, then whatever comes down the stdin pipe (kept on fd 3: a background list's stdin is
    // /dev/null); the waiter kills it once the agent has ended.
    // The watch waits (at most 30 s; its first look only after the agent's start, which it would slow down) until a
    // supervisor host holds the lifeline lock, then blocks on it: when the kernel lets go of it, the host is dead and
    // the watch kills everything the worker started (ReapScript). It ignores the signals a stop sends the group (exec
    // keeps that), so only the waiter's own kill or a SIGKILL ends it. Watches take the lock shared, so one watch never
    // takes another's look at it for a host holding it.
    private const string WaiterScript =
        "trap : INT TERM HUP; status=$1; out=$2; err=$3; lifeline=$5; feed=$6; echo $$ > \"$4\"; shift 6; reap='" + ReapScript + "'; " +
        "exec >>\"$out\" 2>>\"$err\" || exit 126; watch=; feeder=; " +
        "if [ -n \"$lifeline\" ]; then ( trap '' INT TERM HUP; i=0; sleep 0.2; " +
        "while flock -s -n \"$lifeline\" true; do i=$((i+1)); [ \"$i\" -gt 600 ] && break; sleep 0.05; done; " +
        "exec flock -s \"$lifeline\" sh -c \"$reap\" agentdeck-reap $$ ) </dev/null >/dev/null 2>&1 & watch=$!; fi; " +
        "if [ -n \"$feed\" ]; then exec 3<&0; ( trap '' INT TERM HUP; cat \"$feed.first\"; exec cat <&3 3<&- ) >\"$feed.fifo\" & feeder=$!; " +
        "\"$@\" <\"$feed.fifo\" 3<&-; code=$?; else \"$@\"; code=$?; fi; echo $code > \"$status\"; " +
        "for p in $watch $feeder; do kill -KILL \"$p\" 2>/dev/null; done; exit 0";

    // Run by the lifeline watch once the host is gone: kills every descendant of the waiter (children before their
    // parent, so none is re-parented out of reach; what left the group for a session of its own too), then the group.
    private const string ReapScript =
        "k() { for c in $(pgrep -P \"$1\" 2>/dev/null); do [ \"$c\" = \"$$\" ] || [ \"$c\" = \"$PPID\" ] || k \"$c\"; done; kill -KILL \"$1\" 2>/dev/null; }; " +
        "for c in $(pgrep -P \"$1\" 2>/dev/null); do [ \"$c\" = \"$$\" ] || [ \"$c\" = \"$PPID\" ] || k \"$c\"; done; kill -KILL 0";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly Lazy<string?> SetsidPath = new(() =>
        ExecutableResolver.Find("setsid", Environment.GetEnvironmentVariable("PATH"))
        ?? (File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null));

    /// <summary>A child whose stdio are all pipes to AgentDeck, so it never touches the front end's terminal.</summary>
    public static ProcessStartInfo ForChild(ProcessSpec spec)
    {
        var program = ExecutableResolver.Resolve(spec);
        return spec.Grouping == ProcessGrouping.NewSession
            ? Create(spec, RequireSetsid(spec), [program, .. spec.Arguments])
            : Create(spec, program, spec.Arguments);
    }

    /// <summary>A daemon in its own session with stdio on files or /dev/null.</summary>
    public static ProcessStartInfo ForDaemon(ProcessSpec spec, string? stdoutPath, string? stderrPath)
    {
        var program = ExecutableResolver.Resolve(spec);
        var stdout = OutputFile(spec, stdoutPath);
        var stderr = OutputFile(spec, stderrPath);
        return Create(spec, RequireSetsid(spec), ["/bin/sh", "-c", DetachScript, DetachScriptName, stdout, stderr, program, .. spec.Arguments]);
    }

    /// <summary>A worker to hand over: its own session, led by a waiter that keeps its output and exit code in <paramref name="capture"/>.</summary>
    public static ProcessStartInfo ForHandoff(ProcessSpec spec, WorkerCapture capture)
    {
        var program = ExecutableResolver.Resolve(spec);
        return Create(spec, RequireSetsid(spec), [
            "/bin/sh", "-c", WaiterScript, WaiterScriptName, Path.GetFullPath(capture.ExitStatus), Path.GetFullPath(capture.Stdout),
            Path.GetFullPath(capture.Stderr), Path.GetFullPath(capture.WaiterPid), capture.Lifeline is null ? "" : Path.GetFullPath(capture.Lifeline),
            spec.Stdin == StdinMode.Pipe ? capture.StdinFeed : "", program, .. spec.Arguments]);
    }

    /// <summary>Starts the process, turning the OS's refusal into a one-line <see cref="ProcessStartException"/>.</summary>
    public static Process Start(ProcessSpec spec, ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new ProcessStartException(spec.FileName, $"cannot start {spec.FileName}: the system started no process");
        }
        catch (Win32Exception error)
        {
            throw new ProcessStartException(spec.FileName, $"cannot start {spec.FileName}: {error.Message}", error);
        }
    }

    private static ProcessStartInfo Create(ProcessSpec spec, string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };

        if (spec.WorkingDirectory is { } directory)
        {
            startInfo.WorkingDirectory = Directory.Exists(directory)
                ? directory
                : throw new ProcessStartException(spec.FileName, $"cannot start {spec.FileName}: working directory {directory} does not exist");
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private static string OutputFile(ProcessSpec spec, string? path)
    {
        if (path is null)
        {
            return "/dev/null";
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        return directory is null || Directory.Exists(directory)
            ? full
            : throw new ProcessStartException(spec.FileName, $"cannot start {spec.FileName}: directory {directory} for its output does not exist");
    }

    private static string RequireSetsid(ProcessSpec spec) => SetsidPath.Value
        ?? throw new ProcessStartException(spec.FileName,
            $"cannot start {spec.FileName} in its own session: setsid is not installed (install util-linux)");
}
