namespace AgentDeck.Terminal;

/// <summary>Foreground, background and attributes of a cell.</summary>
public readonly record struct Style(TerminalColor Foreground, TerminalColor Background, TextAttributes Attributes = TextAttributes.None)
{
    public static Style Default => default;

    public Style WithForeground(TerminalColor color) => this with { Foreground = color };
    public Style WithBackground(TerminalColor color) => this with { Background = color };
    public Style WithAttributes(TextAttributes attributes) => this with { Attributes = attributes };
    public Style Add(TextAttributes attributes) => this with { Attributes = Attributes | attributes };

    public static Style Fg(TerminalColor color) => new(color, TerminalColor.Default);
}
