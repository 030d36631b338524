using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>
/// Token counts in non-overlapping buckets, so that a price per bucket can be applied and sums make sense:
/// <see cref="Input"/> is fresh (uncached) input, <see cref="CachedInput"/> is input read from a prompt cache,
/// <see cref="CacheWrite"/> is input written to a prompt cache, <see cref="Output"/> includes
/// <see cref="Reasoning"/> (reasoning is reported for information and is not priced twice).
/// </summary>
public readonly record struct TokenUsage(long Input, long CachedInput, long CacheWrite, long Output, long Reasoning)
{
    public static TokenUsage Zero => default;

    [JsonIgnore]
    public long TotalInput => Input + CachedInput + CacheWrite;

    [JsonIgnore]
    public bool IsZero => Input == 0 && CachedInput == 0 && CacheWrite == 0 && Output == 0 && Reasoning == 0;

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.Input + b.Input, a.CachedInput + b.CachedInput, a.CacheWrite + b.CacheWrite, a.Output + b.Output, a.Reasoning + b.Reasoning);

    /// <summary>Delta between two cumulative snapshots; never negative (a counter reset counts from zero).</summary>
    public static TokenUsage operator -(TokenUsage a, TokenUsage b) =>
        new(NonNegative(a.Input - b.Input), NonNegative(a.CachedInput - b.CachedInput), NonNegative(a.CacheWrite - b.CacheWrite),
            NonNegative(a.Output - b.Output), NonNegative(a.Reasoning - b.Reasoning));

    private static long NonNegative(long value) => value < 0 ? 0 : value;
}
