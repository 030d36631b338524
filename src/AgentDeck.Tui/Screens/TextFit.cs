using System.Text;
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

        var result = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = CellWidth.Of(rune.ToString());
            if (used + w > width - 1)
            {
                break;
            }

            result.Append(rune.ToString());
            used += w;
        }

        return result.Append('…').ToString();
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

        var rest = line;
        while (CellWidth.Of(rest) > width)
        {
            var cut = CutIndex(rest, width);
            var space = rest.LastIndexOf(' ', Math.Max(0, cut - 1), Math.Max(0, cut));
            var at = space > 0 ? space : cut;
            yield return rest[..at].TrimEnd();
            rest = rest[at..].TrimStart();
        }

        yield return rest;
    }

    private static int CutIndex(string text, int width)
    {
        var used = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = CellWidth.Of(rune.ToString());
            if (used + w > width)
            {
                break;
            }

            used += w;
            index += rune.Utf16SequenceLength;
        }

        return Math.Max(index, 1);
    }
}
