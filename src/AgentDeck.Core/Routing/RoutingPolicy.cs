using AgentDeck.Core.Events;

namespace AgentDeck.Core.Routing;

/// <summary>
/// Routing settings: per-role policies, models forbidden everywhere, how many past runs make calibration trusted,
/// and the token usage of a typical run used to estimate a cost from the price table when no history exists.
/// </summary>
public sealed record RoutingPolicy(
    IReadOnlyDictionary<string, RolePolicy> Roles,
    IReadOnlyList<string> ForbiddenModels,
    int MinCalibrationRuns,
    TokenUsage TypicalRunUsage)
{
    public const int DefaultMinCalibrationRuns = 5;

    /// <summary>A mid-sized agent run: mostly cached context, a few thousand tokens written.</summary>
    public static TokenUsage DefaultTypicalRunUsage { get; } = new(Input: 40_000, CachedInput: 200_000, CacheWrite: 20_000, Output: 8_000, Reasoning: 0);

    public static RoutingPolicy Default { get; } = new(
        new Dictionary<string, RolePolicy>(StringComparer.OrdinalIgnoreCase), [], DefaultMinCalibrationRuns, DefaultTypicalRunUsage);

    public RolePolicy For(string role) => Roles.TryGetValue(role, out var policy) ? policy : new RolePolicy(role);
}
