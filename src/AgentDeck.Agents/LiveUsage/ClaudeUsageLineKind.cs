namespace AgentDeck.Agents.LiveUsage;

/// <summary>The Claude stream lines that say something about tokens spent.</summary>
internal enum ClaudeUsageLineKind
{
    Other,
    Assistant,
    MessageStart,
    MessageDelta,
    Result,
}
