namespace AgentDeck.Terminal;

/// <summary>How a <see cref="TerminalColor"/> is addressed on the wire.</summary>
public enum ColorKind : byte
{
    Default = 0,
    Ansi16 = 1,
    Indexed = 2,
    Rgb = 3,
}
