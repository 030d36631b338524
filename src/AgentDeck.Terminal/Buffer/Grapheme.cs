using System.Buffers;
using System.Globalization;
using System.Text;

namespace AgentDeck.Terminal;

/// <summary>
/// Splits text into the grapheme clusters that become cells, each with Spectre's width. Clusters containing
/// characters a terminal would act on (controls, lone surrogates, noncharacters) become U+FFFD, so nothing that
/// reaches a cell can move the cursor or change terminal state.
/// </summary>
internal static class Grapheme
{
    internal const string Replacement = "\uFFFD";
    private const byte KnownFlag = 1;
    private const byte ExtendsFlag = 2;
    private const byte StarterFlag = 4;
    private static readonly string?[] SingleCharText = new string?[char.MaxValue + 1];
    private static readonly byte[] CharFlags = new byte[char.MaxValue + 1];

    /// <summary>Reads the next cluster starting at <paramref name="index"/>; returns its length in chars.</summary>
    public static int Next(ReadOnlySpan<char> text, int index, out string cluster, out int width)
    {
        var c = text[index];
        var isLast = index + 1 == text.Length;
        if (c is >= ' ' and < (char)0x7F && (isLast || text[index + 1] < 0x80))
        {
            cluster = Cell.AsciiString(c);
            width = 1;
            return 1;
        }

        if (!char.IsSurrogate(c) && IsLoneStarter(c) && (isLast || !ExtendsPrevious(text[index + 1])))
        {
            var single = CellWidth.Of(c);
            cluster = single < 0 || c is '\uFFFE' or '\uFFFF' ? Replacement : SingleChar(c);
            width = single < 0 ? 1 : single;
            return 1;
        }

        var length = StringInfo.GetNextTextElementLength(text[index..]);
        var span = text.Slice(index, length);
        width = 0;
        if (HasLoneSurrogate(span))
        {
            cluster = Replacement;
            width = 1;
            return length;
        }

        foreach (var ch in span)
        {
            var w = CellWidth.Of(ch);
            if (w < 0 || ch is '\uFFFE' or '\uFFFF')
            {
                cluster = Replacement;
                width = 1;
                return length;
            }

            width += w;
        }

        cluster = length == 1 ? SingleChar(c) : span.ToString();
        return length;
    }

    // Per-character answers from the .NET grapheme segmenter, asked once per character, so common non-ASCII text
    // (box drawing, CJK, accented letters) skips the full segmentation.
    private static bool ExtendsPrevious(char next) => (Flags(next) & ExtendsFlag) != 0;

    private static bool IsLoneStarter(char c) => (Flags(c) & StarterFlag) != 0;

    private static byte Flags(char c)
    {
        var flags = CharFlags[c];
        if (flags != 0)
        {
            return flags;
        }

        flags = KnownFlag;
        if (char.IsSurrogate(c) || StringInfo.GetNextTextElementLength(stackalloc char[] { 'a', c }) != 1)
        {
            flags |= ExtendsFlag;
        }

        // Hangul jamo and syllables combine with following jamo, and prepend characters with what follows.
        var isHangul = c is (>= '\u1100' and <= '\u11FF') or (>= '\uA960' and <= '\uA97F') or (>= '\uAC00' and <= '\uD7FF');
        if (!char.IsSurrogate(c) && !isHangul && c != '\r' && StringInfo.GetNextTextElementLength(stackalloc char[] { c, 'a' }) == 1)
        {
            flags |= StarterFlag;
        }

        CharFlags[c] = flags;
        return flags;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> cluster)
    {
        while (!cluster.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(cluster, out _, out var consumed) != OperationStatus.Done)
            {
                return true;
            }

            cluster = cluster[consumed..];
        }

        return false;
    }

    private static string SingleChar(char c) => SingleCharText[c] ??= c.ToString();
}
