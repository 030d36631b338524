using AgentDeck.Core;

namespace AgentDeck.Agents.Drivers;

/// <summary>The executable each agent CLI installs, and how to install it when it is missing.</summary>
public sealed record AgentProgram(string FileName, string InstallHint)
{
    public static AgentProgram For(AgentKind agent) => agent switch
    {
        AgentKind.Claude => new("claude", "npm install -g @anthropic-ai/claude-code"),
        AgentKind.Codex => new("codex", "npm install -g @openai/codex"),
        AgentKind.Gemini => new("gemini", "npm install -g @google/gemini-cli"),
        AgentKind.OpenCode => new("opencode", "npm install -g opencode-ai"),
        _ => throw new ArgumentOutOfRangeException(nameof(agent), agent, "no driver for this agent"),
    };
}
