using AgentDeck.Core;

namespace AgentDeck.Discovery.CcSwitch;

/// <summary>CC-Switch's app_type names and settings.json current-provider keys for the agents AgentDeck drives.</summary>
internal static class CcSwitchApps
{
    private static readonly IReadOnlyDictionary<string, AgentKind> ByAppType = new Dictionary<string, AgentKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["claude"] = AgentKind.Claude,
        ["codex"] = AgentKind.Codex,
        ["gemini"] = AgentKind.Gemini,
        ["opencode"] = AgentKind.OpenCode,
    };

    public static bool TryGetAgent(string? appType, out AgentKind agent) => ByAppType.TryGetValue(appType ?? string.Empty, out agent);

    /// <summary>settings.json key holding the current provider id (e.g. currentProviderClaude).</summary>
    public static string CurrentProviderKey(AgentKind agent) => agent switch
    {
        AgentKind.OpenCode => "currentProviderOpencode",
        _ => "currentProvider" + char.ToUpperInvariant(agent.ToName()[0]) + agent.ToName()[1..],
    };

    public static IEnumerable<string> AppTypes => ByAppType.Keys;
}
