namespace AgentDeck.MockModel;

/// <summary>Which model API a request spoke.</summary>
public enum MockApi
{
    /// <summary>Anthropic Messages API (Claude Code).</summary>
    Anthropic,

    /// <summary>OpenAI Responses API (Codex).</summary>
    Responses,

    /// <summary>Side requests (GET, HEAD, unknown paths).</summary>
    Other,
}
