using System.Globalization;
using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>Cost guard: budget used, concurrency, a cost bar per run and spend over time. Unknown costs are counted, never read as zero.</summary>
public static class CostPanel
{
    public static void Draw(Painter painter, DeckSnapshot snapshot)
    {
        var inside = painter.Box(new Rect(0, 0, painter.Width, painter.Height), "Cost guard", true);
        var runs = snapshot.Workers.Select(w => w.Run).ToList();
        var known = runs.Where(r => r.CostUsd is not null).ToList();
        var spent = known.Sum(r => r.CostUsd!.Value);
        var unknown = runs.Count - known.Count;
        var active = runs.Count(r => WorkerStates.IsActive(r.Status));
        var meterWidth = Math.Max(10, Math.Min(40, inside.Width - 40));
        var y = 0;

        var budgetText = snapshot.Budget.BudgetUsd is { } budget
            ? $"{WorkerFormat.Cost(spent)} of {WorkerFormat.Cost(budget)}"
            : $"{WorkerFormat.Cost(spent)} spent, no budget set";
        inside.Text(0, y, "Budget      ", ThemeRole.Title);
        if (snapshot.Budget.BudgetUsd is { } limit && limit > 0)
        {
            inside.Meter(12, y, meterWidth, (double)(spent / limit));
        }

        inside.Text(13 + meterWidth, y++, budgetText + (unknown > 0 ? $" (+{unknown} run(s) cost unknown)" : ""), ThemeRole.Text);

        inside.Text(0, y, "Concurrency ", ThemeRole.Title);
        if (snapshot.Budget.MaxConcurrency is { } max && max > 0)
        {
            inside.Meter(12, y, meterWidth, active / (double)max);
        }

        inside.Text(13 + meterWidth, y++, snapshot.Budget.MaxConcurrency is { } m ? $"{active} of {m} active" : $"{active} active, no limit set", ThemeRole.Text);

        var from = runs.Count == 0 ? snapshot.Now : runs.Min(r => r.StartedAt);
        var buckets = Sparkline.SpendBuckets(known.Select(r => (r.EndedAt ?? snapshot.Now, r.CostUsd!.Value)), from, snapshot.Now, meterWidth);
        inside.Text(0, y, "Spend       ", ThemeRole.Title);
        inside.Text(12, y, Sparkline.Render(buckets), ThemeRole.MeterFill);
        inside.Text(13 + meterWidth, y++, "over time since " + from.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC", ThemeRole.Muted);
        y++;

        var top = known.Count == 0 ? 0 : known.Max(r => r.CostUsd!.Value);
        for (var i = 0; i < runs.Count && y < inside.Height; i++, y++)
        {
            var run = runs[i];
            inside.Text(0, y, TextFit.PadRight($"{i + 1} {run.Agent}/{run.Role ?? "-"}", 11), ThemeRole.Text);
            if (run.CostUsd is { } cost)
            {
                inside.Meter(12, y, meterWidth, top <= 0 ? 0 : (double)(cost / top));
            }

            inside.Text(13 + meterWidth, y, WorkerFormat.Cost(run.CostUsd), run.CostUsd is null ? ThemeRole.Muted : ThemeRole.Text);
        }
    }
}
