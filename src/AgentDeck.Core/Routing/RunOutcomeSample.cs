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

    /// <summary>Tool calls the agent was refused; a "succeeded" run with any is not counted as a success.</summary>
    public int DeniedToolCalls { get; init; }

    /// <summary>The run ended succeeded with denied tool calls: its claim of success cannot be backed.</summary>
    public bool Discounted => Succeeded && DeniedToolCalls > 0;

    /// <summary>A success calibration can count: succeeded, and nothing it tried was refused.</summary>
    public bool CountsAsSuccess => Succeeded && DeniedToolCalls == 0;
}
