namespace AgentDeck.Tui.Model;

/// <summary>
/// A live worker's spend as its supervisor's cost guard sees it: the reported cost of its finished turns, the priced
/// estimate of the turn in flight (null when the model has no price) and the run budget it is held to.
/// </summary>
public sealed record WorkerSpend(decimal? ReportedUsd, decimal? InFlightUsd, decimal? RunBudgetUsd)
{
    /// <summary>Finished turns plus the turn in flight; null when neither is known.</summary>
    public decimal? SoFarUsd => ReportedUsd is null && InFlightUsd is null ? null : (ReportedUsd ?? 0) + (InFlightUsd ?? 0);
}
