namespace AgentDeck.Core.Routing;

/// <summary>What past runs of one role on one agent and model showed. Cost is averaged over runs whose cost is known.</summary>
public sealed record CalibrationStats(int Runs, int Successes, decimal? MeanCostUsd, double MeanDurationMs)
{
    public double SuccessRate => Runs == 0 ? 0 : (double)Successes / Runs;
}
