using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// The compact live view of <c>agentdeck run</c>: follows the ledger (never the worker), printing status changes, tool
/// calls, streamed text and retries (as the phase the supervisor reports) until the run ends. Ctrl-C leaves the worker
/// running.
/// </summary>
public sealed class RunFollower(WorkerServices services, TextWriter output)
{
    private readonly WorkerActivity _activity = new();

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LivenessEvery = TimeSpan.FromSeconds(2);

    public async Task<RunRecord> FollowAsync(RunRecord run, CancellationToken cancellationToken)
    {
        long seq = 0;
        RunStatus? shown = null;
        var lastLiveness = DateTimeOffset.MinValue;
        var midLine = false;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            run = now - lastLiveness > LivenessEvery ? services.Refresh(run) : services.Ledger.FindRun(run.Id) ?? run;
            lastLiveness = now - lastLiveness > LivenessEvery ? now : lastLiveness;
            foreach (var stored in services.Ledger.ReadEvents(run.Id, seq + 1, 500))
            {
                seq = stored.Seq;
                var e = stored.ToEvent();
                if (e is not null)
                {
                    _activity.Apply(e);
                }

                midLine = Show(e, midLine);
            }

            if (shown != run.Status)
            {
                EndLine(ref midLine);
                output.WriteLine($"[{RunOutcomeLabel.Of(run)}{(run.FailureReason is { Length: > 0 } r ? ": " + r : "")}]");
                shown = run.Status;
            }

            output.Flush();
            if (run.Status.IsFinal() && services.Ledger.LastSeq(run.Id) <= seq)
            {
                EndLine(ref midLine);
                return run;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Show(AgentEvent? e, bool midLine)
    {
        switch (e)
        {
            case AssistantText { IsDelta: true } delta:
                output.Write(delta.Text);
                return true;
            case AssistantText text:
                if (!midLine)
                {
                    output.WriteLine(text.Text);
                }
                else
                {
                    output.WriteLine();
                }

                return false;
            case ToolCallStarted call:
                EndLine(ref midLine);
                output.WriteLine($"  > {call.Name} {call.InputSummary}");
                return false;
            case ToolCallFinished { IsError: true } failed:
                EndLine(ref midLine);
                output.WriteLine($"  ! {failed.Name}: {failed.OutputSummary}");
                return false;
            case ApiRetry:
                EndLine(ref midLine);
                output.WriteLine($"[{_activity.Status.ToName()} ({_activity.PhaseText})]");
                return false;
            case Notice notice:
                EndLine(ref midLine);
                output.WriteLine($"  ({notice.Level}) {notice.Message}");
                return false;
            default:
                return midLine;
        }
    }

    private void EndLine(ref bool midLine)
    {
        if (midLine)
        {
            output.WriteLine();
            midLine = false;
        }
    }
}
