using AgentDeck.Core.Cost;
using AgentDeck.Core.Runs;

namespace AgentDeck.Supervision;

/// <summary>What every run started on the current UTC day cost so far (unknown costs count as nothing).</summary>
internal static class GlobalSpend
{
    public static decimal Today(IRunLedger ledger, DateTimeOffset now, string? exceptRunId = null) =>
        TodaysSpend.Of(ledger, now, exceptRunId).Usd;
}
