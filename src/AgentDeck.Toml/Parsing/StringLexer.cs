using System.Text;

namespace AgentDeck.Toml.Parsing;

/// <summary>Scans the four TOML string forms and decodes their content.</summary>
internal sealed class StringLexer(SourceCursor cursor)
{
    private static readonly Dictionary<char, char> SimpleEscapes = new()
    {
        ['b'] = '\b',
        ['t'] = '\t',
        ['n'] = '\n',
        ['f'] = '\f',
        ['r'] = '\r',
        ['"'] = '"',
        ['\\'] = '\\',
    };

    private readonly StringBuilder buffer = new();

    /// <summary>Scans the string starting at the cursor, which is on a quote.</summary>
    public Token Scan()
    {
        var start = cursor.Position;
        buffer.Clear();
        if (cursor.StartsWith("\"\"\""))
        {
            ScanMultiline('"', "multi-line basic string", start);
            return new Token(TokenKind.MultilineBasicString, buffer.ToString(), start);
        }

        if (cursor.StartsWith("'''"))
        {
            ScanMultiline('\'', "multi-line literal string", start);
            return new Token(TokenKind.MultilineLiteralString, buffer.ToString(), start);
        }

        var quote = cursor.Current;
        ScanSingleLine(quote, start);
        return new Token(quote == '"' ? TokenKind.BasicString : TokenKind.LiteralString, buffer.ToString(), start);
    }

    private void ScanSingleLine(char quote, TomlPosition start)
    {
        var what = quote == '"' ? "string" : "literal string";
        cursor.Advance();
        while (true)
        {
            if (cursor.AtEnd || cursor.Is('\n') || cursor.Is('\r') && cursor.Peek(1) == '\n')
            {
                throw cursor.Error($"unterminated {what}: missing closing {quote} before the end of the line", start);
            }

            var c = cursor.Current;
            if (c == quote)
            {
                cursor.Advance();
                return;
            }

            if (c == '\\' && quote == '"')
            {
                ReadEscape();
                continue;
            }

            RejectControl(c, what);
            buffer.Append(c);
            cursor.Advance();
        }
    }

    private void ScanMultiline(char quote, string what, TomlPosition start)
    {
        cursor.Advance(3);
        SkipNewline(); // a newline right after the opening delimiter is trimmed
        while (true)
        {
            if (cursor.AtEnd)
            {
                throw cursor.Error($"unterminated {what}: missing closing {quote}{quote}{quote}", start);
            }

            var c = cursor.Current;
            if (c == quote)
            {
                if (ReadQuoteRun(quote))
                {
                    return;
                }
            }
            else if (c == '\\' && quote == '"')
            {
                if (IsLineEndingBackslash())
                {
                    SkipWhitespaceAndNewlines();
                }
                else
                {
                    ReadEscape();
                }
            }
            else if (!SkipNewline())
            {
                RejectControl(c, what);
                buffer.Append(c);
                cursor.Advance();
            }
            else
            {
                buffer.Append('\n');
            }
        }
    }

    /// <summary>
    /// Reads a run of quotes inside a multi-line string. Up to two quotes are content; three to five close the string
    /// (the extra one or two being content); six or more cannot be written.
    /// </summary>
    private bool ReadQuoteRun(char quote)
    {
        var run = 0;
        while (cursor.Peek(run) == quote)
        {
            run++;
        }

        if (run > 5)
        {
            throw cursor.Error($"too many {quote} in a row: at most 2 may precede the closing {quote}{quote}{quote}");
        }

        buffer.Append(quote, run >= 3 ? run - 3 : run);
        cursor.Advance(run);
        return run >= 3;
    }

    /// <summary>A backslash followed by optional spaces and a newline: the line break and leading space vanish.</summary>
    private bool IsLineEndingBackslash()
    {
        var ahead = 1;
        while (CharRules.IsWhitespace(cursor.Peek(ahead)))
        {
            ahead++;
        }

        var next = cursor.Peek(ahead);
        return next == '\n' || next == '\r' && cursor.Peek(ahead + 1) == '\n';
    }

    private void SkipWhitespaceAndNewlines()
    {
        cursor.Advance();
        while (CharRules.IsWhitespace(cursor.Peek()) || SkipNewline())
        {
            if (CharRules.IsWhitespace(cursor.Peek()))
            {
                cursor.Advance();
            }
        }
    }

    /// <summary>Consumes LF or CRLF when the cursor is on one; a CR without LF is an error.</summary>
    private bool SkipNewline()
    {
        if (cursor.Is('\n'))
        {
            cursor.Advance();
            return true;
        }

        if (cursor.Is('\r'))
        {
            if (cursor.Peek(1) != '\n')
            {
                throw cursor.Error("carriage return (U+000D) must be followed by a line feed");
            }

            cursor.Advance(2);
            return true;
        }

        return false;
    }

    private void ReadEscape()
    {
        var start = cursor.Position;
        cursor.Advance();
        if (cursor.AtEnd)
        {
            throw cursor.Error("unterminated escape sequence at end of file", start);
        }

        var code = cursor.Current;
        if (SimpleEscapes.TryGetValue(code, out var simple))
        {
            buffer.Append(simple);
            cursor.Advance();
            return;
        }

        if (code is 'u' or 'U')
        {
            cursor.Advance();
            ReadUnicodeEscape(code == 'u' ? 4 : 8, start);
            return;
        }

        const string valid = "valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX";
        throw cursor.Error(
            CharRules.IsForbiddenControl(code) || char.IsWhiteSpace(code)
                ? $"invalid escape: a backslash followed by {CharRules.Describe(code)}"
                  + " (only in multi-line strings may a backslash end a line, with nothing but spaces after it)"
                : $"invalid escape sequence \\{code}; {valid}",
            start);
    }

    private void ReadUnicodeEscape(int digits, TomlPosition start)
    {
        var value = 0u;
        for (var i = 0; i < digits; i++)
        {
            var digit = cursor.Peek();
            if (digit < 0 || !char.IsAsciiHexDigit((char)digit))
            {
                throw cursor.Error($"\\{(digits == 4 ? 'u' : 'U')} escape needs exactly {digits} hex digits", start);
            }

            value = (value << 4) | (uint)CharRules.HexDigitValue((char)digit);
            cursor.Advance();
        }

        if (!Rune.IsValid(value))
        {
            throw cursor.Error(
                $"escape U+{value:X4} is not a Unicode scalar value (surrogates and values above U+10FFFF are not allowed)",
                start);
        }

        buffer.Append(new Rune(value).ToString());
    }

    private void RejectControl(char c, string what)
    {
        if (c == '\r')
        {
            throw cursor.Error("carriage return (U+000D) must be followed by a line feed");
        }

        if (CharRules.IsForbiddenControl(c))
        {
            var hint = what.Contains("literal", StringComparison.Ordinal) ? "" : "; write it as an escape such as \\u0001";
            throw cursor.Error($"control character {CharRules.Describe(c)} is not allowed in a {what}{hint}");
        }
    }
}
