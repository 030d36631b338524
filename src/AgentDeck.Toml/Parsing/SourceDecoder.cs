using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AgentDeck.Toml.Parsing;

/// <summary>Checks and decodes TOML source: UTF-8 only, an optional leading BOM, no lone surrogates.</summary>
internal static class SourceDecoder
{
    public static string Decode(ReadOnlySpan<byte> utf8, string? sourceName)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var chars = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, charsWritten);
        }

        var validPrefix = new string(chars, 0, charsWritten);
        throw new TomlException(
            $"invalid UTF-8 byte 0x{utf8[bytesRead]:X2}; TOML files must be UTF-8 encoded", EndOf(validPrefix), sourceName);
    }

    /// <summary>Strips a leading BOM and rejects text that is not valid Unicode (lone surrogates).</summary>
    public static string Check(string text, string? sourceName)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            throw new TomlException($"lone surrogate U+{(int)text[i]:X4} is not valid Unicode", EndOf(text[..i]), sourceName);
        }

        return text;
    }

    /// <summary>The position just after <paramref name="prefix"/>.</summary>
    private static TomlPosition EndOf(string prefix)
    {
        var lineStart = prefix.LastIndexOf('\n') + 1;
        var line = prefix.AsSpan().Count('\n') + 1;
        var column = 1;
        foreach (var _ in prefix.AsSpan(lineStart).EnumerateRunes())
        {
            column++;
        }

        return new TomlPosition(line, column);
    }
}
