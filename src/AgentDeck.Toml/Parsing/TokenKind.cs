namespace AgentDeck.Toml.Parsing;

internal enum TokenKind
{
    BareKey,
    BareValue,
    BasicString,
    LiteralString,
    MultilineBasicString,
    MultilineLiteralString,
    Dot,
    Equals,
    Comma,
    LeftBracket,
    RightBracket,
    DoubleLeftBracket,
    DoubleRightBracket,
    LeftBrace,
    RightBrace,
    Newline,
    EndOfFile,
}
