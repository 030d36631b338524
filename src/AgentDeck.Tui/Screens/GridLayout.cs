using AgentDeck.Terminal;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// Where each worker pane goes: a list below <see cref="GridMinWidth"/> columns, else a grid whose column count
/// follows the width and the number of workers; only the page holding the selected worker is shown.
/// </summary>
public sealed record GridLayout(bool IsList, int Columns, int Rows, int FirstIndex, IReadOnlyList<Rect> Panes)
{
    public const int GridMinWidth = 80;
    public const int MinPaneWidth = 38;
    public const int MinPaneHeight = 7;

    // The last layout made on this thread: a frame asks again with the same figures almost every time.
    [ThreadStatic]
    private static (int Width, int Height, int Count, int Selected, GridLayout Layout)? _last;

    public static GridLayout For(int width, int height, int count, int selected)
    {
        if (_last is { } last && last.Width == width && last.Height == height && last.Count == count && last.Selected == selected)
        {
            return last.Layout;
        }

        var layout = Make(width, height, count, selected);
        _last = (width, height, count, selected, layout);
        return layout;
    }

    private static GridLayout Make(int width, int height, int count, int selected)
    {
        if (width < GridMinWidth || count == 0)
        {
            var first = height <= 0 ? 0 : Math.Max(0, selected - height + 1);
            return new GridLayout(true, 1, height, first, []);
        }

        var columns = Math.Clamp(width / MinPaneWidth, 1, Math.Max(1, count));
        columns = Math.Min(columns, (int)Math.Ceiling(Math.Sqrt(count) * 1.5));
        var rowsWanted = (int)Math.Ceiling(count / (double)columns);
        var rows = Math.Clamp(Math.Min(rowsWanted, height / MinPaneHeight), 1, Math.Max(1, rowsWanted));
        var perPage = columns * rows;
        var firstIndex = selected / perPage * perPage;
        var panes = new List<Rect>(perPage);
        for (var i = 0; i < perPage && firstIndex + i < count; i++)
        {
            var column = i % columns;
            var row = i / columns;
            var x = width * column / columns;
            var y = height * row / rows;
            panes.Add(new Rect(x, y, width * (column + 1) / columns - x, height * (row + 1) / rows - y));
        }

        return new GridLayout(false, columns, rows, firstIndex, panes.AsReadOnly());
    }
}
