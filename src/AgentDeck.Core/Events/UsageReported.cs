namespace AgentDeck.Core.Events;

/// <summary>
/// Tokens spent. <see cref="Turn"/> is always this turn's own figure, even when the agent reports running totals
/// (Codex thread totals); <see cref="Cumulative"/> is the agent's running total where it gives one.
/// </summary>
public sealed record UsageReported(TokenUsage Turn, TokenUsage? Cumulative, string? Model = null) : AgentEvent
{
    public override string Kind => EventKinds.Usage;
}
