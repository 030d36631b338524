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

    public static ParserBaseline? Find(IRunLedger ledger, string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || ledger.FindLatestRunOfSession(sessionId) is not { } previous)
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
