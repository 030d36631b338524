using System.Globalization;
using AgentDeck.Core.Runs;

namespace AgentDeck.Tui.Model;

/// <summary>How a worker's figures read on screen. Cost is never shown as $0 when it is unknown.</summary>
public static class WorkerFormat
{
    public const string CostUnknown = "cost unknown";

    public static string Elapsed(RunRecord run, DateTimeOffset now)
    {
        var end = run.EndedAt ?? now;
        var span = end - run.StartedAt;
        return Duration(span);
    }

    public static string Tokens(RunRecord run)
    {
        var total = run.Tokens.TotalInput + run.Tokens.Output;
        return total == 0 ? "no tokens yet" : Metric(total) + " tok";
    }

    public static string Cost(decimal? usd) => usd is { } cost ? "$" + cost.ToString(cost < 1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture) : CostUnknown;

    /// <summary>The largest two units, in words: "42 seconds", "5 minutes 3 seconds", "2 hours 5 minutes", "3 days 1 hour".</summary>
    /// <remarks>Not Humanizer: the build runs in invariant-globalization mode, where Humanizer 2.14's culture table throws.</remarks>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return "just now";
        }

        (long Value, string Unit)[] parts =
        [
            ((long)span.TotalDays, "day"),
            (span.Hours, "hour"),
            (span.Minutes, "minute"),
            (span.Seconds, "second"),
        ];
        var first = Array.FindIndex(parts, p => p.Value > 0);
        return string.Join(' ', parts.Skip(first).Take(2).Where(p => p.Value > 0)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Unit}{(p.Value == 1 ? "" : "s")}")));
    }

    /// <summary>Token counts with a metric suffix: 950, 12.3k, 1.2M.</summary>
    public static string Metric(long value) => value switch
    {
        < 1_000 => value.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => (value / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => (value / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "M",
    };

    public static string Label(RunRecord run) => $"{run.Agent} · {run.Role ?? "no role"} · {run.Model ?? "model ?"}";

    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();
}
