using System.Globalization;
using AgentDeck.Terminal;

namespace AgentDeck.Tui.Themes;

/// <summary>Theme colour names: "default" (the terminal's own), "#rrggbb", "ansi:N" (0-255) or an ANSI name such as "bright-black".</summary>
public static class ThemeColor
{
    private static readonly string[] AnsiNames =
    [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ];

    public static bool TryParse(string text, out TerminalColor color)
    {
        color = TerminalColor.Default;
        var value = text.Trim().ToLowerInvariant();
        if (value is "default" or "")
        {
            return true;
        }

        if (value.Length == 7 && value[0] == '#' && uint.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            color = TerminalColor.FromRgb((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
            return true;
        }

        if (value.StartsWith("ansi:", StringComparison.Ordinal) && byte.TryParse(value.AsSpan(5), CultureInfo.InvariantCulture, out var index))
        {
            color = TerminalColor.Indexed(index);
            return true;
        }

        var named = Array.IndexOf(AnsiNames, value);
        if (named >= 0)
        {
            color = TerminalColor.Ansi(named);
            return true;
        }

        return false;
    }
}
