using System.Globalization;
using AgentDeck.Cli.Common;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;
using AgentDeck.Discovery.Bench;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>What <c>bench-model</c> prints: the plan with its expected cost, and the result table with a summary.</summary>
public static class BenchReport
{
    /// <summary>Failures that mean the profile itself cannot run (not that a task was too hard).</summary>
    private static readonly HashSet<string> SetupFailures = new(StringComparer.Ordinal)
    {
        FailureReasons.Config, FailureReasons.Auth, FailureReasons.ModelRejected,
    };

    public static void WritePlan(TextWriter output, BenchTarget target, BenchTaskSet set, decimal? costPerTask)
    {
        output.WriteLine($"bench-model: {set.Tasks.Count} task(s) from {set.Source} through profile {target.Profile}: {Route(target)}");
        TextTable.Write(output, set.Tasks
            .Select(task => new[] { "  " + task.Name, task.Role, task.Permission == RolePermission.Write ? "write" : "read-only", task.Check.Describe() })
            .Prepend(["  TASK", "ROLE", "ACCESS", "CHECK"]).ToList());
        var usage = set.EstimatePerTask;
        var each = $"~{RunFormat.Compact(usage.Input)} input + {RunFormat.Compact(usage.CachedInput)} cached + {RunFormat.Compact(usage.Output)} output tokens per task";
        output.WriteLine(costPerTask is { } cost
            ? $"Each task is a real agent run in its own scratch git repo: it spends tokens. Expected cost ≈ {RunFormat.Cost(cost * set.Tasks.Count)} for all {set.Tasks.Count} ({each}, priced for {target.Model})."
            : $"Each task is a real agent run in its own scratch git repo: it spends tokens. Expected cost: unknown (no price for {target.Model ?? "the profile's default model"} in the price table; {each}).");
    }

    public static void WriteResult(TextWriter output, BenchOutcome outcome) =>
        output.WriteLine($"  {outcome.Task.Name}: {Status(outcome)} ({Note(outcome)})");

    public static void WriteResults(TextWriter output, IReadOnlyList<BenchOutcome> outcomes, string scratchRoot)
    {
        output.WriteLine();
        TextTable.Write(output, outcomes.Select(outcome => new[]
        {
            outcome.Task.Name, Status(outcome), Time(outcome.Run), RunFormat.Tokens(outcome.Run.Tokens), RunFormat.Cost(outcome.Run), outcome.Run.Id, Note(outcome),
        }).Prepend(["TASK", "STATUS", "TIME", "TOKENS", "COST", "RUN", "NOTE"]).ToList());
        output.WriteLine();
        output.WriteLine(Summary(outcomes, scratchRoot));
    }

    /// <summary>True when no task got past the profile itself: every run failed on configuration, credentials or a refused model.</summary>
    public static bool CouldNotRun(IReadOnlyList<BenchOutcome> outcomes) =>
        outcomes.Count > 0 && outcomes.All(outcome => outcome.Run.Status == RunStatus.Failed && outcome.Run.FailureReason is { } reason && SetupFailures.Contains(reason));

    public static string Summary(IReadOnlyList<BenchOutcome> outcomes, string scratchRoot)
    {
        var passed = outcomes.Count(outcome => outcome.Passed);
        var checkFailed = outcomes.Count(outcome => outcome.Run.FailureReason == FailureReasons.CheckFailed);
        var runFailed = outcomes.Count - passed - checkFailed;
        var parts = new List<string> { $"{passed} of {outcomes.Count} task(s) passed their checks" };
        if (checkFailed > 0)
        {
            parts.Add($"{checkFailed} ended as the agent said but failed AgentDeck's check (recorded as failed: {FailureReasons.CheckFailed})");
        }

        if (runFailed > 0)
        {
            parts.Add($"{runFailed} run(s) failed");
        }

        var cost = outcomes.Select(outcome => outcome.Run.CostUsd).ToList();
        var spent = cost.All(value => value is not null) ? RunFormat.Cost(cost.Sum()) : "cost partly unknown";
        return $"{string.Join("; ", parts)}. Spent {spent}. The runs are in the ledger for 'agentdeck calibrate' and 'agentdeck route'; scratch repos: {scratchRoot}";
    }

    private static string Route(BenchTarget target) => $"{target.Agent.ToName()}, model {target.Model ?? "(the profile's default)"}";

    private static string Status(BenchOutcome outcome) => outcome.Passed ? "passed" : outcome.Run.Status.ToName();

    private static string Note(BenchOutcome outcome) => outcome switch
    {
        { Passed: true } => "check passed",
        { Check: { Passed: false } check } => $"{FailureReasons.CheckFailed}: {check.Detail}",
        _ => outcome.Run.FailureReason ?? outcome.Run.Status.ToName(),
    };

    private static string Time(RunRecord run) =>
        run.EndedAt is { } ended ? (ended - run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "-";
}
