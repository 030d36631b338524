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
    private static readonly string?[] SingleCharText = new string?[char.MaxValue + 1];

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
