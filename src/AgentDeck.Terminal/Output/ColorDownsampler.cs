namespace AgentDeck.Terminal;

/// <summary>
/// Fits colours to a <see cref="ColorDepth"/>: RGB to the nearest xterm 256-colour cube or grey step, and any
/// colour to the nearest of the 16 ANSI colours (xterm's default palette), by weighted RGB distance.
/// </summary>
public static class ColorDownsampler
{
    private static readonly byte[] CubeLevels = [0, 95, 135, 175, 215, 255];

    private static readonly (byte R, byte G, byte B)[] AnsiPalette =
    [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ];

    public static TerminalColor Reduce(TerminalColor color, ColorDepth depth) => (depth, color.Kind) switch
    {
        (_, ColorKind.Default) => color,
        (ColorDepth.None, _) => TerminalColor.Default,
        (ColorDepth.TrueColor, _) => color,
        (ColorDepth.Ansi256, ColorKind.Rgb) => TerminalColor.Indexed(ToIndexed(color.R, color.G, color.B)),
        (ColorDepth.Ansi256, _) => color,
        (ColorDepth.Ansi16, ColorKind.Ansi16) => color,
        (ColorDepth.Ansi16, ColorKind.Indexed) when color.Index < 16 => TerminalColor.Ansi(color.Index),
        (ColorDepth.Ansi16, _) => TerminalColor.Ansi(ToAnsi16(ToRgb(color))),
        _ => color,
    };

    public static Style Reduce(Style style, ColorDepth depth) =>
        depth == ColorDepth.TrueColor
            ? style
            : style with { Foreground = Reduce(style.Foreground, depth), Background = Reduce(style.Background, depth) };

    /// <summary>The nearest of the 240 non-system entries of the 256-colour palette.</summary>
    public static byte ToIndexed(byte r, byte g, byte b)
    {
        var (ri, gi, bi) = (NearestLevel(r), NearestLevel(g), NearestLevel(b));
        var cube = (CubeLevels[ri], CubeLevels[gi], CubeLevels[bi]);
        var greyStep = Math.Clamp(((r + g + b) / 3 - 3) / 10, 0, 23);
        var greyValue = (byte)(8 + 10 * greyStep);
        var target = (r, g, b);
        return Distance(target, cube) <= Distance(target, (greyValue, greyValue, greyValue))
            ? (byte)(16 + 36 * ri + 6 * gi + bi)
            : (byte)(232 + greyStep);
    }

    public static int ToAnsi16((byte R, byte G, byte B) rgb)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < AnsiPalette.Length; i++)
        {
            var distance = Distance(rgb, AnsiPalette[i]);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    public static (byte R, byte G, byte B) ToRgb(TerminalColor color) => color.Kind switch
    {
        ColorKind.Rgb => (color.R, color.G, color.B),
        ColorKind.Ansi16 => AnsiPalette[color.Index],
        ColorKind.Indexed when color.Index < 16 => AnsiPalette[color.Index],
        ColorKind.Indexed when color.Index < 232 => CubeColor(color.Index - 16),
        ColorKind.Indexed => Grey(color.Index - 232),
        _ => (0, 0, 0),
    };

    private static (byte, byte, byte) CubeColor(int cube) => (CubeLevels[cube / 36], CubeLevels[cube / 6 % 6], CubeLevels[cube % 6]);

    private static (byte, byte, byte) Grey(int step) => ((byte)(8 + 10 * step), (byte)(8 + 10 * step), (byte)(8 + 10 * step));

    private static int NearestLevel(byte value) => value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40;

    // "Redmean"-style weights: cheap and closer to perception than plain Euclidean distance.
    private static int Distance((byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        var dr = a.R - b.R;
        var dg = a.G - b.G;
        var db = a.B - b.B;
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    }
}
