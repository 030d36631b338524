namespace AgentDeck.Terminal;

/// <summary>
/// Picks the colour depth from the environment: NO_COLOR (any non-empty value) or TERM=dumb → none;
/// COLORTERM truecolor/24bit or a TERM naming direct colour → 24-bit; TERM ending in 256color → 256; otherwise 16.
/// </summary>
public static class ColorDepthDetector
{
    public static ColorDepth Detect() => Detect(Environment.GetEnvironmentVariable);

    public static ColorDepth Detect(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return ColorDepth.None;
        }

        var term = environment("TERM")?.Trim().ToLowerInvariant() ?? string.Empty;
        if (term == "dumb")
        {
            return ColorDepth.None;
        }

        var colorTerm = environment("COLORTERM")?.Trim().ToLowerInvariant();
        if (colorTerm is "truecolor" or "24bit" || term.EndsWith("-direct", StringComparison.Ordinal) || term.Contains("truecolor", StringComparison.Ordinal))
        {
            return ColorDepth.TrueColor;
        }

        return term.Contains("256color", StringComparison.Ordinal) ? ColorDepth.Ansi256 : ColorDepth.Ansi16;
    }
}
