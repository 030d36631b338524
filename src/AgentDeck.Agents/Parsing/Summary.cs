using System.Text;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>One-line, length-capped summaries of tool inputs and outputs for lists and status lines.</summary>
internal static class Summary
{
    public const int InputMax = 200;
    public const int OutputMax = 500;

    [ThreadStatic]
    private static char[]? _scratch;

    /// <summary>Input fields that say best what a tool call does, most telling first (shared by every agent's tool names).</summary>
    private static readonly byte[][] TellingInputKeys =
    [
        .. new[]
        {
            "command", "file_path", "filePath", "notebook_path", "path", "absolute_path", "pattern", "url", "query",
            "description", "prompt", "skill", "todos",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>
    /// Collapses whitespace runs (newlines included) into single spaces and cuts to <paramref name="max"/> characters,
    /// the last of them an ellipsis when text was cut. Words are copied whole: appending character by character cost
    /// a microsecond for a few hundred characters on the ingest path.
    /// </summary>
    public static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        if (text.Length <= max && !HasBreak(span) && span[0] != ' ' && span[^1] != ' ' && !span.Contains("  ", StringComparison.Ordinal))
        {
            // Most texts need no change; skipping the copy matters on the ingest path.
            return text;
        }

        // The result is built in a scratch array of this thread: no builder, one string at the end.
        var buffer = _scratch is { } kept && kept.Length > max ? kept : (_scratch = new char[Math.Max(max + 1, 512)]);
        var length = 0;
        var i = 0;
        while (true)
        {
            var gapStart = i;
            while (i < span.Length && IsGap(span[i]))
            {
                i++;
            }

            if (i == span.Length)
            {
                return new string(buffer, 0, length);
            }

            var pendingSpace = i > gapStart && length > 0;
            var wordStart = i;
            i = WordEnd(span, i);

            var word = span[wordStart..i];
            if (length + (pendingSpace ? 1 : 0) + word.Length > max)
            {
                return Cut(buffer, length, pendingSpace, word, max);
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
            }

            word.CopyTo(buffer.AsSpan(length));
            length += word.Length;
        }
    }

    /// <summary>
    /// Where the word that starts at <paramref name="i"/> ends: printable ASCII, never a gap, is skipped by a vector
    /// search, and only the characters it stops at are judged one by one.
    /// </summary>
    private static int WordEnd(ReadOnlySpan<char> span, int i)
    {
        while (true)
        {
            var skipped = span[i..].IndexOfAnyExceptInRange('!', '~');
            if (skipped < 0)
            {
                return span.Length;
            }

            i += skipped;
            if (IsGap(span[i]))
            {
                return i;
            }

            i++;
        }
    }

    /// <summary>
    /// Whether the text holds a gap other than a plain space. Printable ASCII is skipped by a vector search; a set
    /// search over every gap would go character by character, since the set reaches far beyond ASCII.
    /// </summary>
    private static bool HasBreak(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var outside = text.IndexOfAnyExceptInRange(' ', '~');
            if (outside < 0)
            {
                return false;
            }

            if (IsGap(text[outside]))
            {
                return true;
            }

            text = text[(outside + 1)..];
        }
    }

    /// <summary>
    /// A gap <see cref="OneLine"/> collapses: whitespace (Unicode's) or a control character. In ASCII those are
    /// exactly the bytes up to the space, and DEL; control characters end at U+009F and U+00A0 is a space.
    /// </summary>
    private static bool IsGap(char c) => c <= ' ' || (c >= '\u007F' && (c <= '\u00A0' || char.IsWhiteSpace(c)));

    /// <summary>The end of <see cref="OneLine"/> when <paramref name="word"/> does not fit: as much as fits, then the ellipsis.</summary>
    private static string Cut(char[] buffer, int length, bool pendingSpace, ReadOnlySpan<char> word, int max)
    {
        if (!pendingSpace || length + 2 <= max)
        {
            if (pendingSpace)
            {
                buffer[length++] = ' ';
            }

            var fits = word[..Math.Max(0, max - length)];
            fits.CopyTo(buffer.AsSpan(length));
            length += fits.Length;
        }

        length = Math.Min(length, max - 1);
        buffer[length++] = '…';
        return new string(buffer, 0, length);
    }

    /// <summary>A tool input as one line: its most telling field (a Bash command, a written path), else compact JSON.</summary>
    public static string OfInput(TapeElement? input)
    {
        if (input is not { } value)
        {
            return string.Empty;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return OneLine(value.GetString(), InputMax);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return OneLine(value.GetRawText(), InputMax);
        }

        foreach (var key in TellingInputKeys)
        {
            if (value.TryGetProperty(key, out var field) && field.ValueKind == JsonValueKind.String &&
                !string.IsNullOrWhiteSpace(field.GetString()))
            {
                return OneLine(field.GetString(), InputMax);
            }
        }

        return OneLine(value.GetRawText(), InputMax);
    }

    /// <summary>A tool result as one line: a string, or the text blocks of a content array, or compact JSON.</summary>
    public static string OfOutput(TapeElement? output)
    {
        switch (output)
        {
            case null:
                return string.Empty;
            case { ValueKind: JsonValueKind.String } text:
                return OneLine(text.GetString(), OutputMax);
            case { ValueKind: JsonValueKind.Array } blocks:
                var builder = new StringBuilder();
                foreach (var block in blocks.EnumerateArray())
                {
                    if (block.Str("text"u8) is { } part)
                    {
                        builder.Append(part).Append(' ');
                        if (builder.Length > OutputMax)
                        {
                            break;
                        }
                    }
                }

                return OneLine(builder.ToString(), OutputMax);
            case { ValueKind: JsonValueKind.Null }:
                return string.Empty;
            case { } other:
                return OneLine(other.GetRawText(), OutputMax);
        }
    }
}
