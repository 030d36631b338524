namespace AgentDeck.Tui.Screens;

/// <summary>Values as a row of block characters, scaled to the largest.</summary>
public static class Sparkline
{
    private const string Levels = " ▁▂▃▄▅▆▇█";

    public static string Render(IReadOnlyList<decimal> values)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        return new string(values.Select(v => max <= 0 ? Levels[0] : Levels[(int)Math.Round(v / max * (Levels.Length - 1))]).ToArray());
    }

    /// <summary>Spend per time bucket: each run's known cost lands in the bucket where it ended (or now, when still going).</summary>
    public static IReadOnlyList<decimal> SpendBuckets(IEnumerable<(DateTimeOffset At, decimal Cost)> spends, DateTimeOffset from, DateTimeOffset to, int buckets)
    {
        var result = new decimal[Math.Max(1, buckets)];
        var span = (to - from).Ticks;
        foreach (var (at, cost) in spends)
        {
            var index = span <= 0 ? result.Length - 1 : (int)Math.Clamp((at - from).Ticks * result.Length / span, 0, result.Length - 1);
            result[index] += cost;
        }

        return result;
    }
}
