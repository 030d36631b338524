using System.Globalization;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Supervision;

/// <summary>
/// Notices runs whose supervisor died (kill -9, a crash, a reboot) and marks them <c>lost</c>; whoever reads a run
/// (status, wait, show) calls this. A run whose supervisor has not written its record yet gets a start-up grace. On a
/// ledger opened read-only the run is returned as lost without being marked (the next writer marks it).
/// </summary>
public sealed class RunLiveness(IRunLedger ledger, AgentDeckPaths paths, TimeProvider? clock = null, bool readOnly = false)
{
    /// <summary>A front end records itself as the run's supervisor right after it creates the run: a run without a record past this is nobody's.</summary>
    public static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>True while the run's supervisor process is alive (or still within its start-up grace).</summary>
    public bool IsSupervised(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status.IsFinal())
        {
            return false;
        }

        var files = new RunFiles(paths, run.Id);
        var record = SupervisorRecord.TryLoad(files.Supervisor);
        return record is null
            ? _clock.GetUtcNow() - run.StartedAt < StartupGrace
            : record.IsAlive || IsBeingAdopted(files);
    }

    /// <summary>
    /// A worker whose front end died while handing it over, still alive with a host serving: the host adopts it from
    /// its capture files (and the worker dies with that host, so this never holds for a worker nobody will watch).
    /// </summary>
    private bool IsBeingAdopted(RunFiles files)
    {
        if (!File.Exists(FirstLinesLock.PathOf(files)) || !WaiterLives(files))
        {
            return false;
        }

        using var probe = FileLock.TryAcquire(new HostFiles(paths).HostLock);
        return probe is null;
    }

    private static bool WaiterLives(RunFiles files)
    {
        try
        {
            return int.TryParse(File.ReadAllText(files.WaiterPid).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                   && ProcessIdentity.StartTicks(pid) is not null
                   && File.ReadAllText($"/proc/{pid}/cmdline").Contains('\0' + Path.GetFullPath(files.ExitStatus) + '\0', StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Returns the run as it stands, marked <c>lost</c> first when it claims to be live but nobody supervises it.</summary>
    public RunRecord Check(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status.IsFinal() || IsSupervised(run))
        {
            return run;
        }

        // The supervisor may have written a final status just before it exited: read again before judging.
        var current = ledger.FindRun(run.Id) ?? run;
        if (current.Status.IsFinal())
        {
            return current;
        }

        if (readOnly)
        {
            return current with { Status = RunStatus.Lost, FailureReason = "supervisor_died" };
        }

        var lost = ledger.UpdateRun(run.Id, new RunUpdate
        {
            Status = RunStatus.Lost,
            FailureReason = "supervisor_died",
            EndedAt = _clock.GetUtcNow(),
        });

        // Nobody answers there any more: a control verb must find no socket rather than a dead one.
        File.Delete(new RunFiles(paths, run.Id).ControlSocket);
        return lost;
    }
}
