namespace AgentDeck.Toml.Parsing;

/// <summary>Recursive-descent parser over <see cref="TomlLexer"/> tokens, building through <see cref="DocumentBuilder"/>.</summary>
internal sealed class TomlParser
{
    /// <summary>Deeper nesting than this is refused rather than risking the stack.</summary>
    private const int MaxNesting = 500;

    private readonly SourceCursor cursor;
    private readonly TomlLexer lexer;
    private readonly DocumentBuilder builder;
    private int nesting;

    private TomlParser(string text, string? sourceName)
    {
        cursor = new SourceCursor(text, sourceName);
        lexer = new TomlLexer(cursor);
        builder = new DocumentBuilder(cursor);
    }

    public static TomlTable Parse(string text, string? sourceName)
    {
        var parser = new TomlParser(text, sourceName);
        parser.ParseDocument();
        return parser.builder.Root;
    }

    private void ParseDocument()
    {
        while (true)
        {
            var token = lexer.NextKeyToken();
            switch (token.Kind)
            {
                case TokenKind.Newline:
                    continue;
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.LeftBracket:
                    builder.OpenTable(ReadHeaderKey(token, TokenKind.RightBracket, "]"), token.Position);
                    break;
                case TokenKind.DoubleLeftBracket:
                    builder.OpenArrayTable(ReadHeaderKey(token, TokenKind.DoubleRightBracket, "]]"), token.Position);
                    break;
                case TokenKind.RightBracket or TokenKind.DoubleRightBracket or TokenKind.Equals or TokenKind.Dot
                    or TokenKind.Comma or TokenKind.LeftBrace or TokenKind.RightBrace:
                    throw cursor.Error($"expected a key or a [table] header, found {token.Describe()}", token.Position);
                default:
                    ParseKeyValue(builder.Current, builder.CurrentPath, token);
                    ExpectLineEnd("a value");
                    break;
            }
        }
    }

    private List<KeySegment> ReadHeaderKey(Token open, TokenKind closeKind, string close)
    {
        var key = KeyReader.Read(lexer, lexer.NextKeyToken(), out var terminator);
        if (terminator.Kind != closeKind)
        {
            throw cursor.Error(
                $"expected '{close}' to close the header {open.Text}{TomlKeyPath.Format(key.Select(k => k.Name))}{close},"
                + $" found {terminator.Describe()}", terminator.Position);
        }

        ExpectLineEnd("a table header");
        return key;
    }

    private void ParseKeyValue(TomlTable target, IReadOnlyList<string> targetPath, Token first)
    {
        var key = KeyReader.Read(lexer, first, out var terminator);
        string[] Path() => targetPath.Concat(key.Select(segment => segment.Name)).ToArray();
        if (terminator.Kind != TokenKind.Equals)
        {
            throw cursor.Error($"expected '=' after key {TomlKeyPath.Format(Path())}, found {terminator.Describe()}",
                terminator.Position);
        }

        var valueToken = lexer.NextValueToken();
        if (valueToken.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            throw cursor.Error($"missing value after '=' for key {TomlKeyPath.Format(Path())}", valueToken.Position);
        }

        var isNested = valueToken.Kind is TokenKind.LeftBracket or TokenKind.LeftBrace;
        builder.SetValue(target, targetPath, key, ParseValue(valueToken, isNested ? Path() : targetPath));
    }

    /// <param name="path">The keys the value is assigned to, for messages about nested inline tables.</param>
    private TomlValue ParseValue(Token token, IReadOnlyList<string> path)
    {
        switch (token.Kind)
        {
            case TokenKind.BasicString or TokenKind.LiteralString or TokenKind.MultilineBasicString
                or TokenKind.MultilineLiteralString:
                return new TomlString(token.Text, token.Position);
            case TokenKind.BareValue:
                return BareValueDecoder.TryDecode(token.Text, token.Position, out var value, out var error)
                    ? value
                    : throw cursor.Error(error, token.Position);
            case TokenKind.LeftBracket:
                return Nested(() => ParseArray(token, path), token);
            case TokenKind.LeftBrace:
                return Nested(() => ParseInlineTable(token, path), token);
            default:
                throw cursor.Error($"expected a value, found {token.Describe()}", token.Position);
        }
    }

    private TomlArray ParseArray(Token open, IReadOnlyList<string> path)
    {
        var array = new TomlArray(open.Position, isTableArray: false);
        var token = NextValueTokenAcrossLines();
        while (token.Kind != TokenKind.RightBracket)
        {
            if (token.Kind == TokenKind.EndOfFile)
            {
                throw cursor.Error($"unterminated array: missing ']' for the '[' at line {open.Position.Line}, column {open.Position.Column}", token.Position);
            }

            array.Add(ParseValue(token, path));
            var separator = NextValueTokenAcrossLines();
            if (separator.Kind == TokenKind.RightBracket)
            {
                break;
            }

            if (separator.Kind != TokenKind.Comma)
            {
                throw cursor.Error($"expected ',' or ']' after an array item, found {separator.Describe()}", separator.Position);
            }

            token = NextValueTokenAcrossLines();
        }

        return array;
    }

    private TomlTable ParseInlineTable(Token open, IReadOnlyList<string> path)
    {
        var table = new TomlTable(open.Position, TableOrigin.Inline);
        var token = lexer.NextKeyToken();
        if (token.Kind == TokenKind.RightBrace)
        {
            return table;
        }

        while (true)
        {
            if (token.Kind is TokenKind.Newline or TokenKind.EndOfFile)
            {
                throw cursor.Error(
                    "an inline table must be on one line: expected a key, found " + token.Describe(), token.Position);
            }

            ParseKeyValue(table, path, token);
            var separator = lexer.NextKeyToken();
            if (separator.Kind == TokenKind.RightBrace)
            {
                return table;
            }

            if (separator.Kind != TokenKind.Comma)
            {
                throw cursor.Error(
                    $"expected ',' or '}}' in the inline table, found {separator.Describe()}"
                    + (separator.Kind is TokenKind.Newline or TokenKind.EndOfFile ? " (inline tables must be on one line)" : ""),
                    separator.Position);
            }

            token = lexer.NextKeyToken();
            if (token.Kind == TokenKind.RightBrace)
            {
                throw cursor.Error("trailing comma is not allowed in an inline table", token.Position);
            }
        }
    }

    private T Nested<T>(Func<T> parse, Token open)
    {
        if (++nesting > MaxNesting)
        {
            throw cursor.Error($"arrays and inline tables are nested more than {MaxNesting} deep", open.Position);
        }

        var result = parse();
        nesting--;
        return result;
    }

    /// <summary>Inside arrays, newlines and comments may appear anywhere between items.</summary>
    private Token NextValueTokenAcrossLines()
    {
        var token = lexer.NextValueToken();
        while (token.Kind == TokenKind.Newline)
        {
            token = lexer.NextValueToken();
        }

        return token;
    }

    private void ExpectLineEnd(string after)
    {
        var token = lexer.NextKeyToken();
        if (token.Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            throw cursor.Error($"expected the end of the line after {after}, found {token.Describe()}", token.Position);
        }
    }
}
