using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;

namespace AgentDeck.Supervision;

/// <summary>
/// Notices runs whose supervisor died (kill -9, a crash, a reboot) and marks them <c>lost</c>; whoever reads a run
/// (status, wait, show) calls this. A run whose supervisor has not written its record yet gets a start-up grace. On a
/// ledger opened read-only the run is returned as lost without being marked (the next writer marks it).
/// </summary>
public sealed class RunLiveness(IRunLedger ledger, AgentDeckPaths paths, TimeProvider? clock = null, bool readOnly = false)
{
    public static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>True while the run's supervisor process is alive (or still within its start-up grace).</summary>
    public bool IsSupervised(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status.IsFinal())
        {
            return false;
        }

        var record = SupervisorRecord.TryLoad(new RunFiles(paths, run.Id).Supervisor);
        return record is null
            ? _clock.GetUtcNow() - run.StartedAt < StartupGrace
            : record.IsAlive;
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

        return ledger.UpdateRun(run.Id, new RunUpdate
        {
            Status = RunStatus.Lost,
            FailureReason = "supervisor_died",
            EndedAt = _clock.GetUtcNow(),
        });
    }
}
