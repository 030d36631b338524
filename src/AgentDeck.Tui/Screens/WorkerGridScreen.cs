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
            DrawPane(painter, layout.Panes[i], workers[index], index + 1, index == selected, now);
        }
    }

    private static void DrawList(Painter painter, IReadOnlyList<WorkerView> workers, int selected, DateTimeOffset now, int first)
    {
        var rows = Math.Min(painter.Height, workers.Count - first);
        var y = 0;
        for (var i = first; i < first + rows; i++, y++)
        {
            var worker = workers[i];
            var text = WorkerPanePresenter.Row(worker, i + 1, now);
            if (i == selected)
            {
                painter.Bar(y, text, ThemeRole.Selection);
                continue;
            }

            painter.Text(0, y, text, ThemeRole.Text);
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
        var title = WorkerPanePresenter.Title(worker, number);
        var inside = painter.Box(rect, title, focused);
        var titleRow = painter.Sub(new Rect(rect.X + 2, rect.Y, Math.Max(0, rect.Width - 4), 1));
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        titleRow.Text(digits + 1, 0, WorkerStates.Glyph(worker.Run.Status), WorkerStates.Role(worker.Run.Status));
        var titleWidth = CellWidth.Of(title);
        if (worker.Unread && titleWidth <= titleRow.Width)
        {
            titleRow.Text(titleWidth - 1, 0, WorkerPanePresenter.UnreadMarker, ThemeRole.Unread);
        }

        var figures = WorkerPanePresenter.Figures(worker, now);
        var y = 0;
        foreach (var line in figures.Take(inside.Height))
        {
            inside.Text(0, y++, line.Text, line.Role);
        }

        DrawTail(inside, worker.Tail, y);
    }

    private static void DrawTail(Painter inside, IReadOnlyList<string> tail, int top)
    {
        var room = inside.Height - top;
        if (room <= 0)
        {
            return;
        }

        var wrapped = tail.TakeLast(room).SelectMany(l => TextFit.Wrap(l, inside.Width)).TakeLast(room).ToList();
        for (var i = 0; i < wrapped.Count; i++)
        {
            inside.Text(0, top + i, wrapped[i], ThemeRole.Text);
        }
    }
}
