using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Routing;

/// <summary>
/// Turns the models agents refused (learned from the ledger) into warnings for <c>doctor</c> and <c>profiles</c>:
/// one per profile that names such a model, and (for doctor) one per refused model no profile names.
/// </summary>
public static class RejectedModelWarnings
{
    public const string LedgerSource = "ledger";

    /// <summary>Profiles that name a model their agent refused, with what to do.</summary>
    public static IReadOnlyList<DiscoveryWarning> ForProfiles(ProfileReport profiles, RejectedModels rejected) =>
        profiles.Profiles
            .SelectMany(profile => profile.ModelsNamed.Select(model => (Profile: profile, Model: model)))
            .Select(entry => rejected.IsRejected(entry.Profile.Agent, entry.Model, out var why)
                ? DiscoveryWarning.About($"profile {entry.Profile.Name} ({entry.Profile.SourcePath})",
                    $"names model {entry.Model}, but {why}; routing avoids it: fix the model name or its access")
                : null)
            .OfType<DiscoveryWarning>()
            .ToList();

    /// <summary>Every refused model: profile warnings first, then the refused models no profile names.</summary>
    public static IReadOnlyList<DiscoveryWarning> All(ProfileReport profiles, RejectedModels rejected)
    {
        var named = profiles.Profiles
            .SelectMany(profile => profile.ModelsNamed.Select(model => (profile.Agent, Model: model.Trim().ToLowerInvariant())))
            .ToHashSet();
        var loose = rejected.All
            .Where(entry => !named.Contains((entry.Agent, entry.Model.ToLowerInvariant())))
            .Select(entry => DiscoveryWarning.About(LedgerSource,
                $"{entry.Reason}; routing will not choose {entry.Agent.ToName()}/{entry.Model} until a run of it gets past the model"));
        return ForProfiles(profiles, rejected).Concat(loose).ToList();
    }
}
