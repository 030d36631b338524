namespace AgentDeck.Core.Routing;

/// <summary>
/// What the user's config says about one role: pin it to a model or profile, forbid models, cap the expected cost of a
/// run, and name the profile to escalate to when a run fails (e.g. fast → deep).
/// </summary>
public sealed record RolePolicy(
    string Role,
    string? PinnedModel = null,
    string? PinnedProfile = null,
    IReadOnlyList<string>? ForbiddenModels = null,
    decimal? MaxCostUsd = null,
    string? FallbackProfile = null)
{
    public IReadOnlyList<string> Forbidden => ForbiddenModels ?? [];
}
