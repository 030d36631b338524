namespace AgentDeck.Core.Routing;

/// <summary>
/// One finished run as the ledger remembers it, the input of calibration. <see cref="FailureReason"/>,
/// <see cref="RunId"/> and <see cref="EndedAt"/> let routing learn which models an agent refused (and since when).
/// </summary>
public sealed record RunOutcomeSample(
    string Role,
    AgentKind Agent,
    string Model,
    bool Succeeded,
    decimal? CostUsd,
    long DurationMs)
{
    public string? FailureReason { get; init; }

    public string? RunId { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
