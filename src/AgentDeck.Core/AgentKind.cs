namespace AgentDeck.Core;

/// <summary>The agent CLIs AgentDeck knows how to read and drive.</summary>
public enum AgentKind
{
    Claude,
    Codex,
    Gemini,
    OpenCode,
}
