using AgentDeck.Core;
using AgentDeck.Core.Cost;

namespace AgentDeck.Agents.LiveUsage;

/// <summary>The live usage meter for each agent whose stream reports tokens before its turn ends.</summary>
public static class LiveUsageMeters
{
    /// <summary>A fresh meter for one run, or null when the agent's stream says nothing about tokens until the turn ends.</summary>
    public static ILiveUsageMeter? For(AgentKind agent) => agent switch
    {
        AgentKind.Claude => new ClaudeLiveUsage(),
        AgentKind.Codex => new CodexLiveUsage(),
        _ => null,
    };
}
