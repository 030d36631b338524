namespace AgentDeck.Core.Routing;

/// <summary>One finished run as the ledger remembers it, the input of calibration.</summary>
public sealed record RunOutcomeSample(
    string Role,
    AgentKind Agent,
    string Model,
    bool Succeeded,
    decimal? CostUsd,
    long DurationMs);
