using System.Globalization;
using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// Cost guard: today's spend against the global budget, slots against max concurrency, the run budget, spend over
/// time and a bar per worker (against the run budget when one is set). All from what the supervisors enforce.
/// </summary>
public static class CostPanel
{
    private const int LabelWidth = 12;

    public static void Draw(Painter painter, DeckSnapshot snapshot)
    {
        var inside = painter.Box(new Rect(0, 0, painter.Width, painter.Height), "Cost guard", true);
        var guard = snapshot.CostGuard;
        // The figures' text needs about 44 columns (today's spend with its warning): the meters give way first.
        var meterWidth = Math.Max(10, Math.Min(40, inside.Width - LabelWidth - 1 - 44));
        var y = 0;
        if (guard.Problem is { } problem)
        {
            inside.Text(0, y++, problem, ThemeRole.Error);
        }

        var warnAt = (double)(guard.Limits?.GlobalWarningFraction ?? 0.8m);
        Figure(inside, y++, "Today", CostGuardPresenter.Today(guard), meterWidth, warnAt);
        Figure(inside, y++, "Concurrency", CostGuardPresenter.Concurrency(guard), meterWidth, 0.8);
        inside.Text(0, y, "Run budget", ThemeRole.Title);
        inside.Text(LabelWidth, y++, CostGuardPresenter.RunBudget(guard), ThemeRole.Text);

        var runs = snapshot.Workers.Select(w => w.Run).ToList();
        var known = runs.Where(r => r.CostUsd is not null).ToList();
        var from = runs.Count == 0 ? snapshot.Now : runs.Min(r => r.StartedAt);
        var buckets = Sparkline.SpendBuckets(known.Select(r => (r.EndedAt ?? snapshot.Now, r.CostUsd!.Value)), from, snapshot.Now, meterWidth);
        inside.Text(0, y, "Spend", ThemeRole.Title);
        inside.Text(LabelWidth, y, Sparkline.Render(buckets), ThemeRole.MeterFill);
        inside.Text(LabelWidth + 1 + meterWidth, y++, "over time since " + from.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC", ThemeRole.Muted);
        y++;

        var rows = snapshot.Workers.Select(w => (Worker: w, Spend: CostGuardPresenter.Worker(w, guard))).ToList();
        var top = rows.Max(r => r.Spend.SpentUsd) ?? 0;
        foreach (var (worker, spend) in rows)
        {
            if (y >= inside.Height)
            {
                break;
            }

            inside.Text(0, y, TextFit.PadRight($"{worker.Number} {worker.Run.Agent}/{worker.Run.Role ?? "-"}", LabelWidth - 1), ThemeRole.Text);
            if (spend.SpentUsd is { } spent)
            {
                var scale = spend.BudgetUsd is { } budget and > 0 ? budget : top;
                inside.Meter(LabelWidth, y, meterWidth, scale <= 0 ? 0 : (double)(spent / scale));
            }

            inside.Text(LabelWidth + 1 + meterWidth, y++, spend.Text, spend.SpentUsd is null ? ThemeRole.Muted : ThemeRole.Text);
        }
    }

    private static void Figure(Painter inside, int y, string label, (string Text, double? Fraction) figure, int meterWidth, double warnAt)
    {
        inside.Text(0, y, label, ThemeRole.Title);
        if (figure.Fraction is { } fraction)
        {
            inside.Meter(LabelWidth, y, meterWidth, fraction, warnAt);
        }

        inside.Text(LabelWidth + 1 + meterWidth, y, figure.Text, ThemeRole.Text);
    }
}
