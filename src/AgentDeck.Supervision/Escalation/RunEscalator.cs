using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision.Escalation;

/// <summary>
/// Executes a role's escalation policy when a run has ended: a run that failed in a way a stronger model may fix, and
/// whose launch carries a planned fallback, gets one child run on the fallback profile (same prompt, role, folder and
/// permission; <c>parent_run</c> = the failed run). Both runs get a notice from source <see cref="NoticeSource"/>;
/// the child's is its first event, written before its worker starts, which is how <see cref="EscalationLinks"/> finds it.
/// </summary>
public sealed class RunEscalator(IRunLedger ledger, ChildRunStarter start, TimeProvider? clock = null)
{
    public const string NoticeSource = "escalation";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Call once when a supervised run has ended; returns the child run, or null when nothing was escalated.</summary>
    public RunRecord? AfterRun(WorkerLaunch launch, RunRecord final)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(final);
        if (!EscalationRules.ShouldEscalate(launch, final))
        {
            return null;
        }

        var fallback = launch.Fallback!;
        var target = $"profile {fallback.Profile} ({fallback.Agent.ToName()}/{fallback.Model ?? "its default model"})";
        var newRun = new NewRun(fallback.Agent.ToName())
        {
            Role = fallback.Role,
            Model = fallback.Model,
            Profile = fallback.Profile,
            Cwd = fallback.WorkingDirectory,
            Prompt = fallback.Prompt,
            ParentRun = final.Id,
            Team = final.Team,
            Status = RunStatus.Starting,
        };
        try
        {
            var child = start(newRun, id =>
            {
                Note(id, "info", $"escalation of run {final.Id}, which failed ({final.FailureReason}): the same task on {target}");
                return fallback with { RunId = id, Fallback = null };
            });
            Note(final.Id, "info", $"run failed ({final.FailureReason}); escalated to run {child.Id} on {target}");
            return child;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Note(final.Id, "error", $"run failed ({final.FailureReason}); escalation to {target} could not start: {error.Message}");
            return null;
        }
    }

    private void Note(string runId, string level, string message) =>
        ledger.AppendEvents(runId, [new EventToAppend(new Notice(level, message, NoticeSource), RunStream.Stdout, 0, _clock.GetUtcNow())]);
}
