namespace AgentDeck.Tui.Screens;

/// <summary>The top and bottom lines of a rounded box, made once per width (a frame draws the same boxes again and again).</summary>
internal static class BoxBorders
{
    private const int CachedWidths = 1024;
    private static readonly string?[] Tops = new string?[CachedWidths];
    private static readonly string?[] Bottoms = new string?[CachedWidths];

    public static string Top(int width) => Line(Tops, width, '╭', '╮');

    public static string Bottom(int width) => Line(Bottoms, width, '╰', '╯');

    // Racing threads may both build a line; either copy is the same text, so the last write wins harmlessly.
    private static string Line(string?[] cache, int width, char left, char right)
    {
        if (width < CachedWidths && cache[width] is { } cached)
        {
            return cached;
        }

        var line = left + new string('─', width - 2) + right;
        if (width < CachedWidths)
        {
            cache[width] = line;
        }

        return line;
    }
}
