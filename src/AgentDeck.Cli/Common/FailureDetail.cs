using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>Why a failed run failed, beyond its reason: the HTTP status of its last API error and its failing turn's detail.</summary>
public sealed record FailureDetail(int? HttpStatus, string? Detail)
{
    // The failure is at the end of a run: its last API error and turn come within the final events.
    private const int EventsToRead = 64;

    /// <summary>The detail of a failed or interrupted run; null for any other run.</summary>
    public static FailureDetail? Of(IRunLedger ledger, RunRecord run)
    {
        if (run.Status is not (RunStatus.Failed or RunStatus.Interrupted))
        {
            return null;
        }

        var events = ledger.ReadLastEvents(run.Id, EventsToRead).Select(e => e.ToEvent()).ToList();
        var status = events.OfType<ApiError>().LastOrDefault(e => e.HttpStatus is not null)?.HttpStatus;
        var detail = events.OfType<TurnCompleted>().LastOrDefault(t => t.Outcome != TurnOutcome.Succeeded)?.Detail;
        return new FailureDetail(status, detail);
    }
}
