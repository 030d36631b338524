using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>The focused worker: its figures on top, then the whole transcript, wrapped and scrollable, with search hits marked.</summary>
public static class FocusScreen
{
    /// <summary>The transcript wrapped to the body's width (what scrolling and search count in).</summary>
    public static IReadOnlyList<PaneLine> Wrap(IReadOnlyList<PaneLine> lines, int width) =>
        lines.SelectMany(line => TextFit.Wrap(line.Text, width).Select(text => line with { Text = text })).ToList();

    public static int BodyHeight(int height) => Math.Max(0, height - 5);

    /// <param name="top">First wrapped line to show; null follows the end (live tail).</param>
    /// <returns>The first line actually shown (after clamping).</returns>
    public static int Draw(Painter painter, WorkerView worker, int number, IReadOnlyList<PaneLine> transcript, int? top, string search, DateTimeOffset now)
    {
        var inside = painter.Box(new Rect(0, 0, painter.Width, painter.Height), WorkerPanePresenter.Title(worker, number), true);
        var y = 0;
        foreach (var figure in WorkerPanePresenter.Figures(worker, now).Take(2))
        {
            inside.Text(0, y++, figure.Text, figure.Role);
        }

        inside.Text(0, y++, new string('─', inside.Width), ThemeRole.Border);
        var body = inside.Sub(new Rect(0, y, inside.Width, inside.Height - y));
        var wrapped = Wrap(transcript, body.Width);
        var maxTop = Math.Max(0, wrapped.Count - body.Height);
        var first = Math.Clamp(top ?? maxTop, 0, maxTop);
        for (var row = 0; row < body.Height && first + row < wrapped.Count; row++)
        {
            var line = wrapped[first + row];
            var hit = search.Length > 0 && line.Text.Contains(search, StringComparison.OrdinalIgnoreCase);
            body.Text(0, row, line.Text, hit ? ThemeRole.SearchMatch : line.Role);
        }

        if (wrapped.Count == 0)
        {
            body.Text(0, 0, "no events yet", ThemeRole.Muted);
        }

        var position = wrapped.Count == 0 ? "" : $" {first + 1}-{Math.Min(wrapped.Count, first + body.Height)}/{wrapped.Count}{(top is null ? " following" : "")} ";
        painter.Text(Math.Max(1, painter.Width - position.Length - 2), painter.Height - 1, position, ThemeRole.Muted);
        return first;
    }
}
