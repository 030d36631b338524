namespace AgentDeck.Core.Cost;

/// <summary>
/// USD per million tokens for one model. A missing cached-input or cache-write price falls back to the input price:
/// charging cache hits like fresh input over-estimates, which is the safe side for a budget guard.
/// </summary>
public sealed record ModelPrice(
    string Model,
    decimal InputPerMillion,
    decimal OutputPerMillion,
    decimal? CachedInputPerMillion = null,
    decimal? CacheWritePerMillion = null)
{
    private const decimal TokensPerMillion = 1_000_000m;

    public decimal EffectiveCachedInputPerMillion => CachedInputPerMillion ?? InputPerMillion;

    public decimal EffectiveCacheWritePerMillion => CacheWritePerMillion ?? InputPerMillion;

    /// <summary>Reasoning tokens are part of <see cref="Events.TokenUsage.Output"/> and are not charged again.</summary>
    public decimal Cost(Events.TokenUsage usage) =>
        (usage.Input * InputPerMillion
         + usage.CachedInput * EffectiveCachedInputPerMillion
         + usage.CacheWrite * EffectiveCacheWritePerMillion
         + usage.Output * OutputPerMillion) / TokensPerMillion;
}
