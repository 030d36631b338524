using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>One line of presented text and what it means (its theme role).</summary>
public sealed record PaneLine(string Text, ThemeRole Role);
