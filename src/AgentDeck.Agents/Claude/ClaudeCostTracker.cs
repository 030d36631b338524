using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// Turns Claude's session-cumulative <c>total_cost_usd</c> into each turn's own cost. In order of trust:
/// <list type="number">
/// <item><c>model_usage_since_last_result</c> (stream-json): the agent's own per-turn figures, exact, also after a resume.</item>
/// <item>the difference to the previous cumulative figure: an earlier <c>result</c> of this process, or the caller's
/// <see cref="ParserBaseline"/> from the session's earlier runs.</item>
/// <item>with neither (<c>--output-format json</c> of a resumed session, no baseline): an estimate that splits the
/// session total by this turn's share of the session's tokens, each bucket weighted by its Anthropic list price
/// relative to fresh input (cache read 0.1, cache write 1.25, output 5; the same ratios for every Claude model).
/// When the session's tokens are this turn's tokens (a new session), the estimate is exact.</item>
/// </list>
/// </summary>
internal sealed class ClaudeCostTracker
{
    private decimal? _priorCumulativeUsd;

    public ClaudeCostTracker(decimal? baselineUsd) => _priorCumulativeUsd = baselineUsd;

    public CostReported? Measure(TapeElement result, TokenUsage turnTokens, TokenUsage? sessionTokens)
    {
        var total = result.Dec("total_cost_usd"u8);
        var sinceLastResult = ClaudeUsage.SumModelCost(result.Obj("model_usage_since_last_result"u8));
        if (total is null && sinceLastResult is null)
        {
            return null;
        }

        // An API-error result reports 0 and an empty modelUsage: that is not the session's running total.
        decimal? cumulative = total is { } reported && (reported > 0 || sessionTokens is not null) ? reported : null;

        decimal turn;
        if (sinceLastResult is { } exact)
        {
            turn = exact;
        }
        else if (cumulative is null)
        {
            turn = 0m;
        }
        else if (_priorCumulativeUsd is { } prior)
        {
            turn = Math.Max(0m, cumulative.Value - prior);
        }
        else
        {
            turn = EstimateShare(cumulative.Value, turnTokens, sessionTokens);
        }

        if (cumulative is { } now)
        {
            _priorCumulativeUsd = Math.Max(_priorCumulativeUsd ?? 0m, now);
        }

        return new CostReported(UsdFigures.Tidy(turn), cumulative is { } c ? UsdFigures.Tidy(c) : null);
    }

    private static decimal EstimateShare(decimal sessionUsd, TokenUsage turn, TokenUsage? session)
    {
        if (session is not { } all)
        {
            return sessionUsd;
        }

        var whole = PriceWeight(all);
        var part = PriceWeight(turn);
        return whole <= 0m || part >= whole ? sessionUsd : sessionUsd * part / whole;
    }

    private static decimal PriceWeight(TokenUsage u) =>
        u.Input + (u.CacheWrite * 1.25m) + (u.CachedInput * 0.1m) + (u.Output * 5m);
}
