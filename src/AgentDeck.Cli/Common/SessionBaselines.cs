using AgentDeck.Agents;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>
/// The running totals an agent session had reached in its latest recorded run, so a run that resumes the session counts
/// only its own tokens and cost (Claude's and Codex's figures are session-cumulative).
/// </summary>
public static class SessionBaselines
{
    private const int EventsToScan = 500;

    /// <param name="exceptRunId">The run that resumes the session, when it is already in the ledger under that session.</param>
    public static ParserBaseline? Find(IRunLedger ledger, string? sessionId, string? exceptRunId = null)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return null;
        }

        var previous = ledger.ListRuns(new RunQuery { SessionId = sessionId, Limit = 2 }).FirstOrDefault(run => run.Id != exceptRunId);
        if (previous is null)
        {
            return null;
        }

        TokenUsage? tokens = null;
        decimal? usd = null;
        foreach (var stored in ledger.ReadLastEvents(previous.Id, EventsToScan))
        {
            switch (stored.ToEvent())
            {
                case UsageReported { Cumulative: { } cumulative }:
                    tokens = cumulative;
                    break;
                case CostReported { CumulativeUsd: { } total }:
                    usd = total;
                    break;
            }
        }

        return tokens is null && usd is null ? null : new ParserBaseline(tokens, usd);
    }
}
