using AgentDeck.Terminal;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>Draws themed text and boxes into one area of the frame; coordinates are relative to the area.</summary>
public readonly struct Painter(BufferArea area, Theme theme, TerminalColor? ground = null)
{
    public BufferArea Area { get; } = area;
    public Theme Theme { get; } = theme;
    public int Width => Area.Width;
    public int Height => Area.Height;

    public Painter Sub(Rect relative) => new(Area.Sub(relative), Theme, ground);

    /// <summary>A painter whose text sits on the dialog colour instead of the screen background (overlays).</summary>
    public Painter OnDialog() => new(Area, Theme, Theme[ThemeRole.Dialog].Background);

    public void Fill(ThemeRole role) => Area.Fill(Style(role));

    /// <summary>The role's style, moved onto this painter's ground when it would otherwise paint the screen background.</summary>
    public Style Style(ThemeRole role)
    {
        var style = Theme[role];
        return ground is { } g && style.Background == Theme[ThemeRole.Background].Background ? style.WithBackground(g) : style;
    }

    /// <summary>Writes one line, cut with "…" when it does not fit; returns the column after it.</summary>
    public int Text(int x, int y, string text, ThemeRole role, int? maxWidth = null) =>
        Text(x, y, text.AsSpan(), Style(role), maxWidth);

    public int Text(int x, int y, string text, Style style, int? maxWidth = null) => Text(x, y, text.AsSpan(), style, maxWidth);

    public int Text(int x, int y, ReadOnlySpan<char> text, ThemeRole role, int? maxWidth = null) =>
        Text(x, y, text, Style(role), maxWidth);

    /// <summary>Writes one line from a span, cut exactly as <see cref="TextFit.Truncate"/> cuts it, without a string in between.</summary>
    public int Text(int x, int y, ReadOnlySpan<char> text, Style style, int? maxWidth = null)
    {
        var room = Math.Min(maxWidth ?? int.MaxValue, Width - x);
        if (room <= 0)
        {
            return x;
        }

        var keep = TextFit.CutLength(text, room, out var ellipsis);
        if (!ellipsis)
        {
            return Area.SetString(x, y, text, style);
        }

        // The kept part and the ellipsis go in as one text, so clusters form exactly as in the cut string.
        var cut = new LineText(stackalloc char[256]);
        cut.Append(text[..keep]);
        cut.Append(TextFit.Ellipsis);
        var end = Area.SetString(x, y, cut.Text, style);
        cut.Dispose();
        return end;
    }

    /// <summary>A row filled with one role, then text on it (status bars, selections).</summary>
    public void Bar(int y, string text, ThemeRole role) => Bar(y, text.AsSpan(), role);

    public void Bar(int y, ReadOnlySpan<char> text, ThemeRole role)
    {
        Area.Fill(new Rect(0, y, Width, 1), Cell.Space(Style(role)));
        Text(0, y, text, role);
    }

    /// <summary>A rounded box with a title in its top border; returns the painter for its inside.</summary>
    public Painter Box(Rect rect, string title, bool focused) => Box(rect, title.AsSpan(), focused);

    public Painter Box(Rect rect, ReadOnlySpan<char> title, bool focused)
    {
        var style = Style(focused ? ThemeRole.BorderFocused : ThemeRole.Border);
        if (rect.Width < 2 || rect.Height < 2)
        {
            return Sub(new Rect(rect.X, rect.Y, 0, 0));
        }

        Area.SetString(rect.X, rect.Y, BoxBorders.Top(rect.Width), style);
        Area.SetString(rect.X, rect.Bottom - 1, BoxBorders.Bottom(rect.Width), style);
        for (var y = rect.Y + 1; y < rect.Bottom - 1; y++)
        {
            Area.SetString(rect.X, y, "│", style);
            Area.SetString(rect.Right - 1, y, "│", style);
        }

        if (title.Length > 0 && rect.Width > 4)
        {
            var padded = new LineText(stackalloc char[256]);
            padded.Append(' ');
            padded.Append(title);
            padded.Append(' ');
            Sub(new Rect(rect.X + 1, rect.Y, rect.Width - 2, 1)).Text(0, 0, padded.Text, Style(focused ? ThemeRole.BorderFocused : ThemeRole.Title));
            padded.Dispose();
        }

        return Sub(new Rect(rect.X + 1, rect.Y + 1, rect.Width - 2, rect.Height - 2));
    }

    /// <summary>A horizontal meter: <paramref name="fraction"/> of the width filled (warn colour at or above <paramref name="warnAt"/>).</summary>
    public void Meter(int x, int y, int width, double fraction, double warnAt = 0.8)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        Text(x, y, new string('█', filled), fraction >= warnAt ? ThemeRole.MeterWarn : ThemeRole.MeterFill);
        Text(x + filled, y, new string('░', width - filled), ThemeRole.MeterEmpty);
    }
}
