using AgentDeck.Core.Storage;

namespace AgentDeck.Supervision;

/// <summary>
/// The supervisor's files in a run's folder: the launch it runs, its own identity, its log and the control socket.
/// The folder is private to the owning user (0700), so the socket inside is reachable by nobody else.
/// </summary>
public sealed class RunFiles
{
    public const string ControlSocketName = "control.sock";
    public const string LaunchName = "launch.json";
    public const string SupervisorName = "supervisor.json";
    public const string SupervisorLogName = "supervisor.log";
    public const string ExitStatusName = "exit.status";
    public const string CaptureStdoutName = "capture.stdout";
    public const string CaptureStderrName = "capture.stderr";
    public const string WaiterPidName = "waiter.pid";

    public RunFiles(AgentDeckPaths paths, string runId)
    {
        ArgumentNullException.ThrowIfNull(paths);
        RunId = runId;
        Directory = paths.RunDirectory(runId);
    }

    public string RunId { get; }

    public string Directory { get; }

    public string ControlSocket => Path.Combine(Directory, ControlSocketName);

    public string Launch => Path.Combine(Directory, LaunchName);

    public string Supervisor => Path.Combine(Directory, SupervisorName);

    public string SupervisorLog => Path.Combine(Directory, SupervisorLogName);

    /// <summary>Where the waiter of a worker started by a front end (and handed to the host) writes its exit code.</summary>
    public string ExitStatus => Path.Combine(Directory, ExitStatusName);

    /// <summary>
    /// The bytes a handed-over worker printed to stdout, exactly as it printed them, written by the kernel (the file is
    /// the worker's stdout); the supervisor reads it as it grows and records it line by line into stdout.log and the ledger.
    /// </summary>
    public string CaptureStdout => Path.Combine(Directory, CaptureStdoutName);

    public string CaptureStderr => Path.Combine(Directory, CaptureStderrName);

    /// <summary>The waiter's pid (the worker's process group), written by the waiter itself before the agent starts.</summary>
    public string WaiterPid => Path.Combine(Directory, WaiterPidName);

    /// <summary>Creates the run folder (and fixes an existing one) with mode 0700.</summary>
    public void EnsurePrivateDirectory()
    {
        OwnerOnly.CreateFolder(Directory);
        OwnerOnly.Tighten(Directory);
    }
}
