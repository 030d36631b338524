using System.Globalization;
using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// The Cost panel's figures as text and meter fractions, from what the cost guard enforces (<c>[limits]</c>) and
/// counts (today's spend, slots, each worker's spend with its turn in flight). Pure, so table tests pin it down.
/// </summary>
public static class CostGuardPresenter
{
    /// <summary>Today's spend against the global budget; the fraction is null when there is no budget to fill.</summary>
    public static (string Text, double? Fraction) Today(DeckCostGuard guard)
    {
        var spent = guard.TodayWithInFlightUsd;
        var unknown = guard.Today.UnknownCost > 0 ? Invariant($" (+{guard.Today.UnknownCost} run(s) cost unknown)") : "";
        if (guard.Limits?.GlobalBudgetUsd is not { } budget)
        {
            return ($"{WorkerFormat.Cost(spent)} today, no global budget set ([limits] global_budget_usd){unknown}", null);
        }

        var warning = guard.Limits.GlobalWarningFraction;
        var state = spent >= budget ? " · over: no new workers"
            : spent >= budget * warning ? $" · past the {Percent(warning)} warning"
            : $" · warns at {Percent(warning)}";
        return ($"{WorkerFormat.Cost(spent)} of {WorkerFormat.Cost(budget)} today{state}{unknown}", budget <= 0 ? 1 : (double)(spent / budget));
    }

    public static (string Text, double? Fraction) Concurrency(DeckCostGuard guard)
    {
        var queued = guard.Queued > 0 ? Invariant($", {guard.Queued} queued") : "";
        return guard.Limits is { } limits
            ? (Invariant($"{guard.Active} of {limits.MaxConcurrency} active{queued}"), guard.Active / (double)Math.Max(1, limits.MaxConcurrency))
            : (Invariant($"{guard.Active} active{queued}"), null);
    }

    public static string RunBudget(DeckCostGuard guard) => guard.Limits?.RunBudgetUsd is { } budget
        ? $"{WorkerFormat.Cost(budget)} per run: a worker past it is interrupted"
        : "no run budget set ([limits] run_budget_usd)";

    /// <summary>
    /// A worker's spend: for a live one, what its supervisor counts (finished turns plus the turn in flight) against
    /// the run budget it enforces; otherwise the ledger's cost. The fraction is against the run budget when there is one.
    /// </summary>
    public static (string Text, decimal? SpentUsd, decimal? BudgetUsd) Worker(WorkerView worker, DeckCostGuard guard)
    {
        var run = worker.Run;
        if (!guard.Live.TryGetValue(run.Id, out var live))
        {
            var budget = guard.Limits?.RunBudgetUsd;
            return (WorkerFormat.Cost(run.CostUsd) + (budget is { } b && run.CostUsd is not null ? $" of {WorkerFormat.Cost(b)}" : ""), run.CostUsd, budget);
        }

        var spent = (live.ReportedUsd ?? run.CostUsd ?? 0) + (live.InFlightUsd ?? 0);
        var of = live.RunBudgetUsd is { } limit ? $" of {WorkerFormat.Cost(limit)}" : "";
        var inFlight = live.InFlightUsd switch
        {
            null => " · turn in flight: no price",
            > 0 and var usd => $" · {WorkerFormat.Cost(usd)} in flight",
            _ => "",
        };
        return (WorkerFormat.Cost(spent) + of + inFlight, spent, live.RunBudgetUsd);
    }

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
