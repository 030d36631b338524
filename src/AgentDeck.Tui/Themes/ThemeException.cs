namespace AgentDeck.Tui.Themes;

/// <summary>A theme file a person must fix; the message names the file and the entry.</summary>
public sealed class ThemeException(string message) : Exception(message);
