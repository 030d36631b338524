using AgentDeck.Core.Events;

namespace AgentDeck.Agents;

/// <summary>
/// What earlier runs of the same agent session already reported, so that a resumed run's first turn becomes a true
/// per-turn delta where the agent only reports running totals (Codex <c>turn.completed.usage</c>, Claude
/// <c>total_cost_usd</c> when no per-turn field is given). Take both from the last <see cref="UsageReported.Cumulative"/>
/// and <see cref="CostReported.CumulativeUsd"/> the session's previous run recorded; null means "not known".
/// </summary>
public sealed record ParserBaseline(TokenUsage? CumulativeTokens, decimal? CumulativeUsd)
{
    public static ParserBaseline None { get; } = new(null, null);
}
