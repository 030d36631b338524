using AgentDeck.Terminal;

namespace AgentDeck.Tui.Screens;

/// <summary>Cuts and wraps text by display width (wide characters count two).</summary>
public static class TextFit
{
    public static string Truncate(string text, int width)
    {
        if (width <= 0)
        {
            return string.Empty;
        }

        if (CellWidth.Of(text) <= width)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, CutIndex(text, width - 1, atLeastOne: false)), "…");
    }

    public static string PadRight(string text, int width)
    {
        var fitted = Truncate(text, width);
        return fitted + new string(' ', Math.Max(0, width - CellWidth.Of(fitted)));
    }

    /// <summary>Wraps one line at spaces where it can, hard where a word is longer than the width.</summary>
    public static IEnumerable<string> Wrap(string line, int width)
    {
        if (width <= 0)
        {
            yield break;
        }

        // The rest of the line is an offset, not a new string per wrapped row.
        var start = 0;
        while (CellWidth.Of(line.AsSpan(start)) > width)
        {
            var rest = line.AsSpan(start);
            var cut = CutIndex(rest, width);
            var space = rest[..cut].LastIndexOf(' ');
            var at = space > 0 ? space : cut;
            yield return rest[..at].TrimEnd().ToString();
            start += at;
            while (start < line.Length && char.IsWhiteSpace(line[start]))
            {
                start++;
            }
        }

        yield return start == 0 ? line : line[start..];
    }

    /// <summary>How many chars of <paramref name="text"/> fit in <paramref name="width"/> columns, whole runes only.</summary>
    private static int CutIndex(ReadOnlySpan<char> text, int width, bool atLeastOne = true)
    {
        // Measured per rune on a stack copy: a string per rune here was most of a frame's garbage.
        Span<char> units = stackalloc char[2];
        var used = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = CellWidth.Of(units[..rune.EncodeToUtf16(units)]);
            if (used + w > width)
            {
                break;
            }

            used += w;
            index += rune.Utf16SequenceLength;
        }

        return atLeastOne ? Math.Max(index, 1) : index;
    }
}
