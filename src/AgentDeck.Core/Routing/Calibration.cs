namespace AgentDeck.Core.Routing;

/// <summary>Past run outcomes grouped by role, agent and model (runs without a role are left out).</summary>
public sealed class Calibration
{
    private readonly Dictionary<(string Role, AgentKind Agent, string Model), CalibrationStats> stats;

    public Calibration(IEnumerable<RunOutcomeSample> samples)
    {
        stats = samples
            .Where(sample => !string.IsNullOrWhiteSpace(sample.Role))
            .GroupBy(sample => (Role: Key(sample.Role), sample.Agent, Model: Key(sample.Model)))
            .ToDictionary(group => group.Key, Summarize);
    }

    public static Calibration None { get; } = new([]);

    public int GroupCount => stats.Count;

    /// <summary>Runs that ended succeeded with denied tool calls, over every group: not counted as successes.</summary>
    public int Discounted => stats.Values.Sum(group => group.Discounted);

    /// <summary>Every group, most runs first; <see cref="CalibrationRow.Trusted"/> once it has <paramref name="minRuns"/> runs.</summary>
    public IReadOnlyList<CalibrationRow> Rows(int minRuns) =>
        stats.Select(pair => new CalibrationRow(pair.Key.Role, pair.Key.Agent, pair.Key.Model, pair.Value, pair.Value.Runs >= minRuns))
            .OrderBy(row => row.Role, StringComparer.Ordinal)
            .ThenByDescending(row => row.Stats.Runs)
            .ThenBy(row => row.Model, StringComparer.Ordinal)
            .ToList();

    public CalibrationStats? Find(string role, AgentKind agent, string model) =>
        stats.GetValueOrDefault((Key(role), agent, Key(model)));

    private static string Key(string text) => text.Trim().ToLowerInvariant();

    private static CalibrationStats Summarize(IEnumerable<RunOutcomeSample> runs)
    {
        var list = runs.ToList();
        var costs = list.Where(run => run.CostUsd is not null).Select(run => run.CostUsd!.Value).ToList();
        return new CalibrationStats(
            list.Count,
            list.Count(run => run.CountsAsSuccess),
            costs.Count == 0 ? null : costs.Sum() / costs.Count,
            list.Average(run => (double)run.DurationMs),
            list.Count(run => run.Discounted));
    }
}
