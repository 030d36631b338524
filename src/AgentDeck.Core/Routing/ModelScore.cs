namespace AgentDeck.Core.Routing;

/// <summary>
/// A candidate's score for a role (0–1) and what it came from. <see cref="Calibrated"/> is true when enough past runs
/// exist for the ledger's history to count.
/// </summary>
public sealed record ModelScore(
    double Value,
    double TraitFit,
    bool HasTraits,
    CalibrationStats? History,
    bool Calibrated,
    decimal? ExpectedCostUsd);
