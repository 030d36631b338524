using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>The worker grid: one pane per run (or one row per run when the terminal is narrow).</summary>
public static class WorkerGridScreen
{
    public static void Draw(Painter painter, IReadOnlyList<WorkerView> workers, int selected, DateTimeOffset now, string emptyMessage)
    {
        if (workers.Count == 0)
        {
            painter.Text(1, 1, emptyMessage, ThemeRole.Muted);
            return;
        }

        var layout = GridLayout.For(painter.Width, painter.Height, workers.Count, selected);
        if (layout.IsList)
        {
            DrawList(painter, workers, selected, now, layout.FirstIndex);
            return;
        }

        for (var i = 0; i < layout.Panes.Count; i++)
        {
            var index = layout.FirstIndex + i;
            DrawPane(painter, layout.Panes[i], workers[index], workers[index].Number, index == selected, now);
        }
    }

    private static void DrawList(Painter painter, IReadOnlyList<WorkerView> workers, int selected, DateTimeOffset now, int first)
    {
        var rows = Math.Min(painter.Height, workers.Count - first);
        var y = 0;
        for (var i = first; i < first + rows; i++, y++)
        {
            var worker = workers[i];
            var text = new LineText(stackalloc char[256]);
            WorkerPanePresenter.AppendRow(ref text, worker, worker.Number, now);
            if (i == selected)
            {
                painter.Bar(y, text.Text, ThemeRole.Selection);
                text.Dispose();
                continue;
            }

            painter.Text(0, y, text.Text, ThemeRole.Text);
            text.Dispose();
            painter.Text(4, y, WorkerStates.Glyph(worker.Run.Status), WorkerStates.Role(worker.Run.Status));
            if (worker.Unread)
            {
                painter.Text(0, y, WorkerPanePresenter.UnreadMarker, ThemeRole.Unread);
            }
        }

        // The selected worker's tail below the list, when there is room.
        var tailTop = rows + 1;
        if (tailTop < painter.Height - 1 && selected < workers.Count)
        {
            var tail = painter.Box(new Rect(0, tailTop, painter.Width, painter.Height - tailTop), "tail", false);
            DrawTail(tail, workers[selected].Tail, 0);
        }
    }

    private static void DrawPane(Painter painter, Rect rect, WorkerView worker, int number, bool focused, DateTimeOffset now)
    {
        var title = new LineText(stackalloc char[128]);
        WorkerPanePresenter.AppendTitle(ref title, worker, number);
        var inside = painter.Box(rect, title.Text, focused);
        var titleRow = painter.Sub(new Rect(rect.X + 2, rect.Y, Math.Max(0, rect.Width - 4), 1));
        var digits = DigitCount(number);
        titleRow.Text(digits + 1, 0, WorkerStates.Glyph(worker.Run.Status), WorkerStates.Role(worker.Run.Status));
        var titleWidth = CellWidth.Of(title.Text);
        title.Dispose();
        if (worker.Unread && titleWidth <= titleRow.Width)
        {
            titleRow.Text(titleWidth - 1, 0, WorkerPanePresenter.UnreadMarker, ThemeRole.Unread);
        }

        var y = 0;
        for (var i = 0; i < WorkerPanePresenter.FigureCount && y < inside.Height; i++)
        {
            var figure = new LineText(stackalloc char[128]);
            var role = WorkerPanePresenter.AppendFigure(ref figure, i, worker, now);
            inside.Text(0, y++, figure.Text, role);
            figure.Dispose();
        }

        DrawTail(inside, worker.Tail, y);
    }

    /// <summary>
    /// The last rows of the tail, wrapped to the width: counted from the end first, then drawn from spans of the tail's
    /// own strings (no wrapped row is made into a string).
    /// </summary>
    private static void DrawTail(Painter inside, IReadOnlyList<string> tail, int top)
    {
        var room = inside.Height - top;
        if (room <= 0 || inside.Width <= 0)
        {
            return;
        }

        // Only the last `room` lines can show: each wraps to at least one row.
        var firstLine = Math.Max(0, tail.Count - room);
        var rows = 0;
        var from = tail.Count;
        while (from > firstLine && rows < room)
        {
            from--;
            rows += RowCount(tail[from], inside.Width);
        }

        var skip = Math.Max(0, rows - room);
        var y = top;
        for (var i = from; i < tail.Count; i++)
        {
            var line = tail[i];
            var cursor = new WrapCursor(line, inside.Width);
            while (cursor.Next(out var start, out var length))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                inside.Text(0, y++, line.AsSpan(start, length), ThemeRole.Text);
            }
        }
    }

    private static int RowCount(string line, int width)
    {
        var count = 0;
        var cursor = new WrapCursor(line, width);
        while (cursor.Next(out _, out _))
        {
            count++;
        }

        return count;
    }

    private static int DigitCount(int number)
    {
        var digits = 1;
        for (var rest = number; rest <= -10 || rest >= 10; rest /= 10)
        {
            digits++;
        }

        return number < 0 ? digits + 1 : digits;
    }
}
