namespace AgentDeck.Toml.Parsing;

/// <summary>A lexical token. <see cref="Text"/> is the decoded content for strings, the raw text otherwise.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, TomlPosition Position)
{
    public bool IsKey => Kind is TokenKind.BareKey or TokenKind.BasicString or TokenKind.LiteralString;

    public bool IsString => Kind is TokenKind.BasicString or TokenKind.LiteralString
        or TokenKind.MultilineBasicString or TokenKind.MultilineLiteralString;

    /// <summary>How the token reads in a message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "end of line",
        TokenKind.BareKey or TokenKind.BareValue => $"'{Text}'",
        _ when IsString => "a string",
        _ => $"'{Text}'",
    };
}
