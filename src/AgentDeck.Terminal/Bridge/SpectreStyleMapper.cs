using System.Collections.Concurrent;
using SpectreColor = Spectre.Console.Color;
using SpectreDecoration = Spectre.Console.Decoration;
using SpectreStyle = Spectre.Console.Style;

namespace AgentDeck.Terminal;

/// <summary>
/// Maps Spectre.Console styles onto <see cref="Style"/>. Spectre keeps a colour's palette number internal; its
/// public <c>ToMarkup()</c> names palette colours and writes others as #RRGGBB, which tells the two apart.
/// </summary>
public static class SpectreStyleMapper
{
    private static readonly Dictionary<string, byte> PaletteIndexByName = CreatePaletteIndex();
    private static readonly ConcurrentDictionary<SpectreStyle, Style> Cache = new();

    private static readonly (SpectreDecoration Decoration, TextAttributes Attribute)[] Decorations =
    [
        (SpectreDecoration.Bold, TextAttributes.Bold), (SpectreDecoration.Dim, TextAttributes.Dim),
        (SpectreDecoration.Italic, TextAttributes.Italic), (SpectreDecoration.Underline, TextAttributes.Underline),
        (SpectreDecoration.Invert, TextAttributes.Reverse), (SpectreDecoration.Strikethrough, TextAttributes.Strikethrough),
    ];

    public static Style Map(SpectreStyle style) => Cache.GetOrAdd(style, static s => new Style(
        Map(s.Foreground), Map(s.Background), MapDecoration(s.Decoration)));

    public static TerminalColor Map(SpectreColor color)
    {
        if (color == SpectreColor.Default)
        {
            return TerminalColor.Default;
        }

        var markup = color.ToMarkup();
        if (!markup.StartsWith('#') && PaletteIndexByName.TryGetValue(markup, out var index))
        {
            return index < 16 ? TerminalColor.Ansi(index) : TerminalColor.Indexed(index);
        }

        return TerminalColor.FromRgb(color.R, color.G, color.B);
    }

    private static TextAttributes MapDecoration(SpectreDecoration decoration)
    {
        var attributes = TextAttributes.None;
        foreach (var (spectre, attribute) in Decorations)
        {
            if (decoration.HasFlag(spectre))
            {
                attributes |= attribute;
            }
        }

        return attributes;
    }

    private static Dictionary<string, byte> CreatePaletteIndex()
    {
        var map = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (var i = 0; i < 256; i++)
        {
            map.TryAdd(SpectreColor.FromInt32(i).ToMarkup(), (byte)i);
        }

        return map;
    }
}
