using AgentDeck.Core.Runs;

namespace AgentDeck.Supervision;

/// <summary>What every run started on the current UTC day cost so far (unknown costs count as nothing).</summary>
internal static class GlobalSpend
{
    public static decimal Today(IRunLedger ledger, DateTimeOffset now, string? exceptRunId = null)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        decimal total = 0;
        foreach (var run in ledger.ListRuns(new RunQuery { Limit = 0 }))
        {
            if (run.StartedAt < dayStart)
            {
                break; // newest first: the rest are older
            }

            if (run.Id != exceptRunId)
            {
                total += run.CostUsd ?? 0;
            }
        }

        return total;
    }
}
