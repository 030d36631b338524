using AgentDeck.Core;
using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// Puts one worker on a profile through its environment and command line only; the user's files are never rewritten.
/// </summary>
public static class ProfileApplier
{
    /// <summary>
    /// The environment and arguments that run <paramref name="profile"/>'s agent with that profile, optionally on a
    /// different model (e.g. the one routing chose among the profile's aliases) and effort.
    /// </summary>
    public static ProfileApplication Apply(DiscoveredProfile profile, string? model = null, string? effort = null)
    {
        var environment = new Dictionary<string, string>(profile.Environment.Values, StringComparer.Ordinal);
        var arguments = new List<string>();
        var flags = AgentFlags.For(profile.Agent);

        if (profile.Agent == AgentKind.Claude && NeedsIsolationFromUserSettings(profile))
        {
            // ~/.claude/settings.json env is applied like process env and would override this worker's provider
            // variables with the live provider's; user-level settings are left out for this worker alone.
            arguments.AddRange(["--setting-sources", "project,local"]);
        }

        foreach (var (key, value) in profile.CodexOverrides)
        {
            arguments.AddRange(["-c", $"{key}={value}"]);
        }

        var selfApplied = IsAppliedByEnvironment(profile);
        if ((model ?? (selfApplied ? null : profile.Model)) is { } chosenModel)
        {
            arguments.AddRange(flags.Model(chosenModel));
        }

        if ((effort ?? (selfApplied ? null : profile.Effort)) is { } chosenEffort)
        {
            arguments.AddRange(flags.Effort(chosenEffort));
        }

        arguments.AddRange(profile.ExtraArguments);
        var secrets = environment.Keys.Where(SecretNames.IsSecret).ToHashSet(StringComparer.Ordinal);
        return new ProfileApplication(profile.Agent, environment, arguments, secrets);
    }

    /// <summary>No profile: just the agent's model (and effort) flags, for a model the traits file offers.</summary>
    public static ProfileApplication ForModel(AgentKind agent, string model, string? effort = null)
    {
        var flags = AgentFlags.For(agent);
        var arguments = flags.Model(model).Concat(effort is null ? [] : flags.Effort(effort)).ToList();
        return ProfileApplication.Nothing(agent) with { Arguments = arguments };
    }

    private static bool NeedsIsolationFromUserSettings(DiscoveredProfile profile) =>
        profile.Source is ProfileSource.CcSwitch or ProfileSource.CcSwitchLegacyConfig
        && !profile.IsCurrent
        && profile.Environment.Count > 0;

    /// <summary>
    /// The profile's files, env or -c overrides already select its model and effort; only an explicit choice adds flags.
    /// AgentDeck's own profiles and legacy Codex tables are applied by flags.
    /// </summary>
    private static bool IsAppliedByEnvironment(DiscoveredProfile profile) =>
        profile.Source is not (ProfileSource.AgentDeck or ProfileSource.CodexLegacyProfileTable);
}
