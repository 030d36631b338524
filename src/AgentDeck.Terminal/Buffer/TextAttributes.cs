namespace AgentDeck.Terminal;

[Flags]
public enum TextAttributes : byte
{
    None = 0,
    Bold = 1 << 0,
    Dim = 1 << 1,
    Italic = 1 << 2,
    Underline = 1 << 3,
    Reverse = 1 << 4,
    Strikethrough = 1 << 5,
}
