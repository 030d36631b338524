using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>
/// Tokens spent. <see cref="Turn"/> is always this turn's own figure, even when the agent reports running totals
/// (Codex thread totals); <see cref="Cumulative"/> is the agent's running total where it gives one.
/// <see cref="Estimated"/> is true for tokens the agent never reported (its turn was cut short): AgentDeck took them
/// from the live stream, and prices them on top of any cost the agent reported.
/// </summary>
public sealed record UsageReported(TokenUsage Turn, TokenUsage? Cumulative, string? Model = null, bool? Estimated = null) : AgentEvent
{
    [JsonIgnore]
    public override string Kind => EventKinds.Usage;
}
