using System.Text;
using AgentDeck.Terminal;

namespace AgentDeck.Tui.Screens;

/// <summary>Cuts and wraps text by display width (wide characters count two).</summary>
public static class TextFit
{
    public const char Ellipsis = '…';

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

    /// <summary>
    /// How many chars of <paramref name="text"/> stay when it is cut to <paramref name="width"/> columns, and whether
    /// an ellipsis follows them: the same cut <see cref="Truncate"/> makes, without making a string.
    /// </summary>
    public static int CutLength(ReadOnlySpan<char> text, int width, out bool ellipsis)
    {
        ellipsis = false;
        if (width <= 0)
        {
            return 0;
        }

        if (CellWidth.Of(text) <= width)
        {
            return text.Length;
        }

        ellipsis = true;
        return CutIndex(text, width - 1, atLeastOne: false);
    }

    public static string PadRight(string text, int width)
    {
        var fitted = Truncate(text, width);
        return fitted + new string(' ', Math.Max(0, width - CellWidth.Of(fitted)));
    }

    /// <summary>Wraps one line at spaces where it can, hard where a word is longer than the width.</summary>
    public static IEnumerable<string> Wrap(string line, int width)
    {
        var rows = new List<string>();
        var cursor = new WrapCursor(line, width);
        while (cursor.Next(out var start, out var length))
        {
            rows.Add(start == 0 && length == line.Length ? line : line.Substring(start, length));
        }

        return rows;
    }

    /// <summary>How many chars of <paramref name="text"/> fit in <paramref name="width"/> columns, whole runes only.</summary>
    internal static int CutIndex(ReadOnlySpan<char> text, int width, bool atLeastOne = true)
    {
        // Runs of printable ASCII (one column per char) are skipped with a vectorized search; other runes are measured
        // one by one (on a stack copy: a string per rune here was once most of a frame's garbage).
        Span<char> units = stackalloc char[2];
        var used = 0;
        var index = 0;
        while (index < text.Length)
        {
            var plain = text[index..].IndexOfAnyExceptInRange(' ', '~');
            if (plain < 0)
            {
                plain = text.Length - index;
            }

            var take = Math.Min(plain, Math.Max(0, width - used));
            used += take;
            index += take;
            if (take < plain || index == text.Length)
            {
                break;
            }

            int w;
            int length;
            var c = text[index];
            if (!char.IsSurrogate(c))
            {
                (w, length) = (CellWidth.Of(c), 1);
            }
            else
            {
                // As EnumerateRunes does: a pair is one rune, a lone surrogate is U+FFFD one char long.
                Rune.DecodeFromUtf16(text[index..], out var rune, out length);
                w = CellWidth.Of(units[..rune.EncodeToUtf16(units)]);
            }

            if (used + w > width)
            {
                break;
            }

            used += w;
            index += length;
        }

        return atLeastOne ? Math.Max(index, 1) : index;
    }
}
