namespace AgentDeck.Toml.Parsing;

/// <summary>Reads a key: one or more bare or quoted parts joined by dots.</summary>
internal static class KeyReader
{
    /// <summary>Reads the key starting with <paramref name="first"/>; <paramref name="terminator"/> is the token after it.</summary>
    public static List<KeySegment> Read(TomlLexer lexer, Token first, out Token terminator)
    {
        var segments = new List<KeySegment> { Segment(lexer, first) };
        while (true)
        {
            terminator = lexer.NextKeyToken();
            if (terminator.Kind != TokenKind.Dot)
            {
                return segments;
            }

            segments.Add(Segment(lexer, lexer.NextKeyToken()));
        }
    }

    private static KeySegment Segment(TomlLexer lexer, Token token)
    {
        if (token.IsKey)
        {
            return new KeySegment(token.Text, token.Position);
        }

        throw lexer.Cursor.Error(
            token.Kind is TokenKind.MultilineBasicString or TokenKind.MultilineLiteralString
                ? "a multi-line string cannot be a key"
                : $"expected a key, found {token.Describe()}",
            token.Position);
    }
}
