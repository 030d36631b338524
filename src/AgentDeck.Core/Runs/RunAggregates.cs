using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Core.Runs;

/// <summary>
/// The figures a run's events add up to, written on the run row with the events they come from. Every field is
/// written as given, except <see cref="SessionId"/>, <see cref="Model"/>, <see cref="EndedAt"/> and
/// <see cref="ExitCode"/>, where null keeps what the row already has.
/// </summary>
public sealed record RunAggregates
{
    public RunStatus Status { get; init; }
    public string? FailureReason { get; init; }
    public string? SessionId { get; init; }
    public string? Model { get; init; }
    public string? FinalText { get; init; }
    public TokenUsage Tokens { get; init; }
    public decimal? CostUsd { get; init; }
    public CostEstimate CostEstimate { get; init; }
    public int ToolCalls { get; init; }
    public int DeniedToolCalls { get; init; }
    public IReadOnlyList<string> FilesTouched { get; init; } = [];
    public DateTimeOffset? EndedAt { get; init; }
    public int? ExitCode { get; init; }

    public static RunAggregates From(RunTally tally) => new()
    {
        Status = tally.Status,
        FailureReason = tally.FailureReason,
        SessionId = tally.SessionId,
        Model = tally.Model,
        FinalText = tally.FinalText,
        Tokens = tally.Tokens,
        CostUsd = tally.CostUsd,
        CostEstimate = tally.CostEstimate,
        ToolCalls = tally.ToolCalls,
        DeniedToolCalls = tally.DeniedToolCalls,
        FilesTouched = [.. tally.FilesTouched],
    };
}
