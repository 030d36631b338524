using Spectre.Console;
using Spectre.Console.Rendering;

namespace AgentDeck.Terminal;

/// <summary>
/// Renders any Spectre.Console <see cref="IRenderable"/> (Panel, Table, Markup, BarChart, …) into an area of a
/// cell buffer through <see cref="IRenderable.Render"/>: segments become cells, line breaks move to the next row,
/// and whatever does not fit the area is clipped.
/// </summary>
public static class SpectreRenderer
{
    /// <summary>Renders into the area; returns the number of rows the renderable produced (may exceed the area).</summary>
    public static int Render(IRenderable renderable, BufferArea area)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        if (area.Width <= 0 || area.Height <= 0)
        {
            return 0;
        }

        var options = new RenderOptions(SpectreCapabilities.Instance, new Size(area.Width, area.Height));
        var x = 0;
        var y = 0;
        foreach (var segment in renderable.Render(options, area.Width))
        {
            if (segment.IsLineBreak)
            {
                (x, y) = (0, y + 1);
                continue;
            }

            if (segment.IsControlCode || y >= area.Height)
            {
                continue;
            }

            var style = SpectreStyleMapper.Map(segment.Style);
            var text = segment.Text.AsSpan();
            var newline = text.IndexOf('\n');
            while (newline >= 0)
            {
                area.SetString(x, y, text[..newline], style);
                (x, y) = (0, y + 1);
                text = text[(newline + 1)..];
                newline = text.IndexOf('\n');
            }

            if (y < area.Height)
            {
                x = area.SetString(x, y, text, style);
            }
        }

        return x == 0 ? y : y + 1;
    }
}
