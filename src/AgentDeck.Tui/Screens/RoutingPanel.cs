using AgentDeck.Core.Routing;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>The routing plan as a table, through Core's <see cref="RoutingPlanPresenter"/> (the CLI shows the same rows).</summary>
public static class RoutingPanel
{
    public static void Draw(Painter painter, DeckSnapshot snapshot)
    {
        var inside = painter.Box(new Terminal.Rect(0, 0, painter.Width, painter.Height), "Routing plan", true);
        if (snapshot.Routing is not { } plan || plan.Decisions.Count == 0)
        {
            inside.Text(0, 0, "No routing plan: the CLI passes one in when a workflow or team is routed.", ThemeRole.Muted);
            return;
        }

        var rows = RoutingPlanPresenter.Rows(plan);
        var all = rows.Prepend(RoutingPlanPresenter.Header).ToList();
        string[] Cells(RoutingPlanRow r) => [r.Role, r.Access, r.Agent, r.Model, r.Profile, r.Cost, r.Fallback, r.Reason];
        var widths = Enumerable.Range(0, 8).Select(c => all.Max(r => Terminal.CellWidth.Of(Cells(r)[c]))).ToArray();
        for (var i = 0; i < all.Count && i < inside.Height; i++)
        {
            var cells = Cells(all[i]);
            var line = string.Join("  ", cells.Select((cell, c) => c == 7 ? cell : TextFit.PadRight(cell, widths[c])));
            inside.Text(0, i, line, i == 0 ? ThemeRole.Title : ThemeRole.Text);
        }
    }
}
