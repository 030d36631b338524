using System.Globalization;
using Humanizer;
using Humanizer.Localisation;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Screens;

namespace AgentDeck.Tui.Model;

/// <summary>
/// How a worker's figures read on screen. Cost is never shown as $0 when it is unknown. Each figure can be appended
/// to a <see cref="LineText"/> (what the frame path does, no string per figure) or had as a string (the same text).
/// </summary>
public static class WorkerFormat
{
    public const string CostUnknown = "cost unknown";
    private const int DurationCacheLimit = 4096;
    private static readonly Dictionary<RunStatus, string> StatusNames =
        Enum.GetValues<RunStatus>().ToDictionary(s => s, s => s.ToString().ToLowerInvariant());

    // Whole seconds → words; per thread so frames drawn on different threads (tests) need no lock.
    [ThreadStatic]
    private static Dictionary<long, string>? _durations;

    public static string Elapsed(RunRecord run, DateTimeOffset now)
    {
        var end = run.EndedAt ?? now;
        var span = end - run.StartedAt;
        return Duration(span);
    }

    public static string Tokens(RunRecord run)
    {
        var line = new LineText(stackalloc char[32]);
        AppendTokens(ref line, run);
        return line.ToStringAndDispose();
    }

    public static void AppendTokens(ref LineText line, RunRecord run)
    {
        var total = run.Tokens.TotalInput + run.Tokens.Output;
        if (total == 0)
        {
            line.Append("no tokens yet");
            return;
        }

        AppendMetric(ref line, total);
        line.Append(" tok");
    }

    public static string Cost(decimal? usd)
    {
        var line = new LineText(stackalloc char[32]);
        AppendCost(ref line, usd);
        return line.ToStringAndDispose();
    }

    public static void AppendCost(ref LineText line, decimal? usd)
    {
        if (usd is not { } cost)
        {
            line.Append(CostUnknown);
            return;
        }

        line.Append('$');
        line.Append(cost, cost < 1 ? "0.0000" : "0.00");
    }

    /// <summary>The largest two units, in words: "42 seconds", "5 minutes 3 seconds", "2 hours 5 minutes", "3 days 1 hour".</summary>
    /// <remarks>
    /// Humanizer with the invariant culture (the build's invariant-globalization mode allows named cultures). Its
    /// smallest unit is the second and it reads whole units, so the words depend on the whole seconds only: they are
    /// cached by them (a frame asks for every pane's elapsed time).
    /// </remarks>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return "just now";
        }

        var seconds = span.Ticks / TimeSpan.TicksPerSecond;
        var cache = _durations ??= [];
        if (cache.TryGetValue(seconds, out var words))
        {
            return words;
        }

        if (cache.Count >= DurationCacheLimit)
        {
            cache.Clear();
        }

        words = Humanize(TimeSpan.FromSeconds(seconds));
        cache[seconds] = words;
        return words;
    }

    /// <summary>Humanizer's words for a span, uncached (what <see cref="Duration"/> caches).</summary>
    public static string Humanize(TimeSpan span) =>
        span.Humanize(precision: 2, countEmptyUnits: true, culture: CultureInfo.InvariantCulture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Second, collectionSeparator: " ");

    /// <summary>Token counts with a metric suffix: 950, 12.3k, 1.2M.</summary>
    public static string Metric(long value)
    {
        var line = new LineText(stackalloc char[32]);
        AppendMetric(ref line, value);
        return line.ToStringAndDispose();
    }

    public static void AppendMetric(ref LineText line, long value)
    {
        switch (value)
        {
            case < 1_000:
                line.Append(value);
                break;
            case < 1_000_000:
                line.Append(value / 1_000d, "0.#");
                line.Append('k');
                break;
            default:
                line.Append(value / 1_000_000d, "0.#");
                line.Append('M');
                break;
        }
    }

    public static string Label(RunRecord run)
    {
        var line = new LineText(stackalloc char[128]);
        AppendLabel(ref line, run);
        return line.ToStringAndDispose();
    }

    public static void AppendLabel(ref LineText line, RunRecord run)
    {
        line.Append(run.Agent);
        line.Append(" · ");
        line.Append(run.Role ?? "no role");
        line.Append(" · ");
        line.Append(run.Model ?? "model ?");
    }

    /// <summary>", 3 denied" after the status when the run had tool calls refused (Core's <see cref="RunOutcomeLabel"/> wording).</summary>
    public static void AppendDenied(ref LineText line, RunRecord run)
    {
        if (run.DeniedToolCalls > 0)
        {
            line.Append(", ");
            line.Append(run.DeniedToolCalls);
            line.Append(" denied");
        }
    }

    public static string Status(RunStatus status) =>
        StatusNames.TryGetValue(status, out var name) ? name : status.ToString().ToLowerInvariant();
}
