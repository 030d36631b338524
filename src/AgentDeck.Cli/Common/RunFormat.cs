using System.Globalization;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using Humanizer;

namespace AgentDeck.Cli.Common;

/// <summary>How runs read in plain text: costs, tokens, times and one-line excerpts.</summary>
public static class RunFormat
{
    public static string Cost(decimal? usd) => usd is { } value ? "$" + value.ToString("0.0000", CultureInfo.InvariantCulture) : "cost unknown";

    /// <summary>"$0.4200", or "~$0.4200 (family price)" when the figure is an estimate, or "cost unknown".</summary>
    public static string Cost(decimal? usd, CostEstimate estimate) =>
        usd is not null && estimate != CostEstimate.None ? $"~{Cost(usd)} ({estimate.Describe()})" : Cost(usd);

    public static string Cost(RunRecord run) => Cost(run.CostUsd, run.CostEstimate);

    /// <summary>"cost $0.0041" or "cost unknown", for sentences.</summary>
    public static string CostLabel(decimal? usd) => usd is null ? "cost unknown" : "cost " + Cost(usd);

    public static string CostLabel(RunRecord run) => run.CostUsd is null ? "cost unknown" : "cost " + Cost(run);

    /// <summary>"failed (api_error)", or just "stopped" when there is no reason: never empty parentheses.</summary>
    public static string Status(RunStatus status, string? detail) => WithDetail(status.ToName(), detail);

    /// <summary>The run's outcome as every view words it ("succeeded, 3 denied"), with the detail in parentheses when there is one.</summary>
    public static string Status(RunRecord run, string? detail) => WithDetail(RunOutcomeLabel.Of(run), detail);

    private static string WithDetail(string label, string? detail) => detail is { Length: > 0 } ? $"{label} ({detail})" : label;

    public static string Tokens(TokenUsage tokens) =>
        $"{Compact(tokens.TotalInput)} in ({Compact(tokens.CachedInput)} cached) / {Compact(tokens.Output)} out";

    public static string Compact(long count) => count switch
    {
        >= 1_000_000 => (count / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (count / 1000d).ToString("0", CultureInfo.InvariantCulture) + "k",
        >= 1000 => (count / 1000d).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };

    public static string Ago(DateTimeOffset time, DateTimeOffset now) => time.Humanize(dateToCompareAgainst: now, culture: CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.Humanize(precision: 2, culture: CultureInfo.InvariantCulture);

    public static string Excerpt(string? text, int width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= width ? flat : flat[..Math.Max(0, width - 1)] + "…";
    }
}
