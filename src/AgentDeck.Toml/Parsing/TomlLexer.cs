namespace AgentDeck.Toml.Parsing;

/// <summary>
/// Splits TOML source into tokens. TOML is context-sensitive (<c>true</c> or <c>1979-05-27</c> are keys on the left of
/// '=' and values on the right), so the parser asks for a key token or a value token.
/// </summary>
internal sealed class TomlLexer
{
    private static readonly Dictionary<char, (TokenKind Kind, string Text)> Punctuation = new()
    {
        ['='] = (TokenKind.Equals, "="),
        [','] = (TokenKind.Comma, ","),
        ['['] = (TokenKind.LeftBracket, "["),
        [']'] = (TokenKind.RightBracket, "]"),
        ['{'] = (TokenKind.LeftBrace, "{"),
        ['}'] = (TokenKind.RightBrace, "}"),
    };

    private readonly SourceCursor cursor;
    private readonly StringLexer strings;

    public TomlLexer(SourceCursor cursor)
    {
        this.cursor = cursor;
        strings = new StringLexer(cursor);
    }

    public SourceCursor Cursor => cursor;

    /// <summary>Next token where a key, a header bracket or a line end may appear.</summary>
    public Token NextKeyToken() => Next(keyMode: true);

    /// <summary>Next token where a value may appear.</summary>
    public Token NextValueToken() => Next(keyMode: false);

    private Token Next(bool keyMode)
    {
        SkipWhitespaceAndComment();
        var start = cursor.Position;
        if (cursor.AtEnd)
        {
            return new Token(TokenKind.EndOfFile, "", start);
        }

        var c = cursor.Current;
        if (c is '\n' or '\r')
        {
            SkipNewline();
            return new Token(TokenKind.Newline, "\n", start);
        }

        if (c is '"' or '\'')
        {
            return strings.Scan();
        }

        if (keyMode && TryDoubleBracket(c, start, out var doubleBracket))
        {
            return doubleBracket;
        }

        if (keyMode && c == '.')
        {
            cursor.Advance();
            return new Token(TokenKind.Dot, ".", start);
        }

        if (Punctuation.TryGetValue(c, out var punctuation))
        {
            cursor.Advance();
            return new Token(punctuation.Kind, punctuation.Text, start);
        }

        return keyMode ? ScanBareKey(start) : ScanBareValue(start);
    }

    private bool TryDoubleBracket(char c, TomlPosition start, out Token token)
    {
        token = default;
        if (c is not ('[' or ']') || cursor.Peek(1) != c)
        {
            return false;
        }

        cursor.Advance(2);
        token = new Token(c == '[' ? TokenKind.DoubleLeftBracket : TokenKind.DoubleRightBracket, new string(c, 2), start);
        return true;
    }

    private Token ScanBareKey(TomlPosition start)
    {
        var from = cursor.Offset;
        while (CharRules.IsBareKeyChar(cursor.Peek()))
        {
            cursor.Advance();
        }

        if (cursor.Offset == from)
        {
            throw cursor.Error(
                $"unexpected character {cursor.DescribeCurrent()}; bare keys may contain only A-Z a-z 0-9 _ - (quote other keys)");
        }

        return new Token(TokenKind.BareKey, cursor.Slice(from, cursor.Offset), start);
    }

    private Token ScanBareValue(TomlPosition start)
    {
        var from = cursor.Offset;
        ConsumeBareValueChars();

        // A date and a time may be separated by one space: 1979-05-27 07:32:00.
        if (cursor.Offset - from == 10 && cursor.Is(' ') && CharRules.IsDigit(cursor.Peek(1))
            && DateTimeDecoder.IsFullDate(cursor.Slice(from, cursor.Offset)))
        {
            cursor.Advance();
            ConsumeBareValueChars();
        }

        if (cursor.Offset == from)
        {
            throw cursor.Error($"expected a value, found {cursor.DescribeCurrent()}");
        }

        return new Token(TokenKind.BareValue, cursor.Slice(from, cursor.Offset), start);
    }

    private void ConsumeBareValueChars()
    {
        while (CharRules.IsBareValueChar(cursor.Peek()))
        {
            cursor.Advance();
        }
    }

    private void SkipWhitespaceAndComment()
    {
        while (CharRules.IsWhitespace(cursor.Peek()))
        {
            cursor.Advance();
        }

        if (!cursor.Is('#'))
        {
            return;
        }

        while (!cursor.AtEnd && !cursor.Is('\n') && !(cursor.Is('\r') && cursor.Peek(1) == '\n'))
        {
            if (CharRules.IsForbiddenControl(cursor.Current))
            {
                throw cursor.Error(cursor.Is('\r')
                    ? "carriage return (U+000D) must be followed by a line feed"
                    : $"control character {CharRules.Describe(cursor.Current)} is not allowed in a comment");
            }

            cursor.Advance();
        }
    }

    private void SkipNewline()
    {
        if (cursor.Is('\r') && cursor.Peek(1) != '\n')
        {
            throw cursor.Error("carriage return (U+000D) must be followed by a line feed");
        }

        cursor.Advance(cursor.Is('\r') ? 2 : 1);
    }
}
