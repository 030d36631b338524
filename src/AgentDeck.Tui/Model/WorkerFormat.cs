using System.Globalization;
using Humanizer;
using Humanizer.Localisation;
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
    /// <remarks>Humanizer with the invariant culture (the build's invariant-globalization mode allows named cultures).</remarks>
    public static string Duration(TimeSpan span) => span < TimeSpan.FromSeconds(1)
        ? "just now"
        : span.Humanize(precision: 2, countEmptyUnits: true, culture: CultureInfo.InvariantCulture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Second, collectionSeparator: " ");

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
