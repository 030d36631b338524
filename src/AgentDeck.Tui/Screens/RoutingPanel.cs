using AgentDeck.Core.Routing;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// The routing panel: first the route each worker actually got (recorded on its run), then the plan for every role
/// through Core's <see cref="RoutingPlanPresenter"/> (the CLI's <c>route</c> shows the same rows).
/// </summary>
public static class RoutingPanel
{
    public static void Draw(Painter painter, DeckSnapshot snapshot)
    {
        var inside = painter.Box(new Terminal.Rect(0, 0, painter.Width, painter.Height), "Routing", true);
        var y = 0;
        if (snapshot.Workers.Count > 0)
        {
            inside.Text(0, y++, "Workers: the route each got", ThemeRole.Title);
            var workerRows = WorkerRoutePresenter.Rows(snapshot.Workers);
            var room = Math.Max(1, (inside.Height / 2) - 2);
            y = Table(inside, y, [WorkerRoutePresenter.Header, .. workerRows.Take(room)]);
            y++;
        }

        if (y >= inside.Height)
        {
            return;
        }

        if (snapshot.Routing is not { } plan || plan.Decisions.Count == 0)
        {
            inside.Text(0, y, "No routing plan: the CLI passes one in when a workflow or team is routed.", ThemeRole.Muted);
            return;
        }

        inside.Text(0, y++, "Plan for every role", ThemeRole.Title);
        string[] Cells(RoutingPlanRow r) => [r.Role, r.Access, r.Agent, r.Model, r.Profile, r.Cost, r.Fallback, r.Reason];
        Table(inside, y, [Cells(RoutingPlanPresenter.Header), .. RoutingPlanPresenter.Rows(plan).Select(Cells)]);
    }

    /// <summary>Draws rows in padded columns (the last one runs on), the first as a header; returns the next free line.</summary>
    private static int Table(Painter inside, int y, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var columns = rows[0].Count;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => Terminal.CellWidth.Of(r[c]))).ToArray();
        for (var i = 0; i < rows.Count && y < inside.Height; i++, y++)
        {
            var line = string.Join("  ", rows[i].Select((cell, c) => c == columns - 1 ? cell : TextFit.PadRight(cell, widths[c])));
            inside.Text(0, y, line, i == 0 ? ThemeRole.Muted : ThemeRole.Text);
        }

        return y;
    }
}
