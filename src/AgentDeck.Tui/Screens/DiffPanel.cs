using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>Files each worker touched (from its tool calls). Line counts are not in the ledger yet, so none are invented.</summary>
public static class DiffPanel
{
    public static void Draw(Painter painter, DeckSnapshot snapshot, int selected)
    {
        var inside = painter.Box(new Rect(0, 0, painter.Width, painter.Height), "Diff summary (files touched)", true);
        var touched = snapshot.Workers.Select((w, i) => (w, i)).Where(x => x.w.Run.FilesTouched.Count > 0).ToList();
        if (touched.Count == 0)
        {
            inside.Text(0, 0, "No worker has touched a file yet.", ThemeRole.Muted);
            return;
        }

        var y = 0;
        foreach (var (worker, index) in touched)
        {
            if (y >= inside.Height) break;
            inside.Text(0, y++, $"{worker.Number} {WorkerFormat.Label(worker.Run)} · {worker.Run.FilesTouched.Count} file(s)", index == selected ? ThemeRole.Accent : ThemeRole.Title);
            foreach (var file in worker.Run.FilesTouched)
            {
                if (y >= inside.Height) break;
                inside.Text(2, y++, "M " + TextSanitizer.Default.SanitizeLine(file) + "  (+/- unknown)", ThemeRole.Added);
            }
        }
    }
}
