using AgentDeck.Core.Runs;

namespace AgentDeck.Core.Cost;

/// <summary>
/// What every run started on the current UTC day cost so far: the figure the global budget is held to (unknown
/// costs count as nothing, and are counted). The cost guard and the screens both read it here, so they agree.
/// </summary>
public static class TodaysSpend
{
    // Runs are listed newest first, a page that grows fourfold until it reaches back past midnight: reading every run
    // of a long-lived ledger (~17 µs a run) for the few of today would cost the guard and the screen on each check.
    private const int FirstPage = 64;

    public static DaySpend Of(IRunLedger ledger, DateTimeOffset now, string? exceptRunId = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        for (var page = FirstPage; ; page = page > int.MaxValue / 4 ? int.MaxValue : page * 4)
        {
            var runs = ledger.ListRuns(new RunQuery { Limit = page });
            if (runs.Count < page || runs[^1].StartedAt < dayStart || page == int.MaxValue)
            {
                return Sum(runs, dayStart, exceptRunId);
            }
        }
    }

    private static DaySpend Sum(IReadOnlyList<RunRecord> newestFirst, DateTimeOffset dayStart, string? exceptRunId)
    {
        decimal total = 0;
        int runs = 0, unknown = 0;
        foreach (var run in newestFirst)
        {
            if (run.StartedAt < dayStart)
            {
                break; // newest first: the rest are older
            }

            if (run.Id == exceptRunId)
            {
                continue;
            }

            runs++;
            if (run.CostUsd is { } cost)
            {
                total += cost;
            }
            else
            {
                unknown++;
            }
        }

        return new DaySpend(total, runs, unknown);
    }
}
