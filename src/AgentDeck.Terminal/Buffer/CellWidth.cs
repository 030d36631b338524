using Spectre.Console.Rendering;

namespace AgentDeck.Terminal;

/// <summary>
/// Column widths exactly as Spectre.Console 0.49.1 measures them, so widgets laid out by Spectre line up in our
/// buffer. Spectre sums a per-UTF-16-unit wcwidth (surrogates count 1 each, so every astral character is 2 wide,
/// ZWJ sequences are the sum of their parts, controls are -1). Its measure is internal; the public
/// <see cref="Segment.CellCount()"/> is asked once per distinct character and cached.
/// </summary>
public static class CellWidth
{
    private const sbyte Unknown = sbyte.MinValue;
    private static readonly sbyte[] Cache = CreateCache();

    /// <summary>Spectre's width of one UTF-16 code unit: -1 for controls, 0 for combining/zero-width, 1 or 2.</summary>
    public static int Of(char c)
    {
        if (c is >= ' ' and < (char)0x7F)
        {
            return 1;
        }

        var cached = Cache[c];
        if (cached != Unknown)
        {
            return cached;
        }

        var width = Measure(c);
        Cache[c] = (sbyte)width;
        return width;
    }

    /// <summary>Spectre's width of a string: the sum over its UTF-16 code units.</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        // Runs of printable ASCII (one column each) are skipped with a vectorized search; only the rest is looked up.
        var sum = 0;
        while (true)
        {
            var other = text.IndexOfAnyExceptInRange(' ', '~');
            if (other < 0)
            {
                return sum + text.Length;
            }

            sum += other + Of(text[other]);
            text = text[(other + 1)..];
        }
    }

    /// <summary>Width of text that has been through <see cref="TextSanitizer"/> (no controls, so never negative).</summary>
    public static int OfDisplayed(ReadOnlySpan<char> text)
    {
        var sum = 0;
        foreach (var c in text)
        {
            sum += Math.Max(0, Of(c));
        }

        return sum;
    }

    // Spectre 0.49.1 sizes its own cache as char.MaxValue entries and throws for U+FFFF; that noncharacter is
    // never shown (the sanitizer and the buffer replace it), so it is measured as the replacement character.
    private static int Measure(char c) =>
        c == '\uFFFF' ? 1 : new Segment(c.ToString()).CellCount();

    private static sbyte[] CreateCache()
    {
        var cache = new sbyte[char.MaxValue + 1];
        Array.Fill(cache, Unknown);
        return cache;
    }
}
