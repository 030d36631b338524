namespace AgentDeck.Tui.Themes;

/// <summary>The theme to use and what went wrong getting it (each message names the file or entry); empty when all went well.</summary>
public sealed record ThemeLoad(Theme Theme, IReadOnlyList<string> Messages);
