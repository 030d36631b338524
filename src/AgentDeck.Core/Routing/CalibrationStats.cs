namespace AgentDeck.Core.Routing;

/// <summary>
/// What past runs of one role on one agent and model showed. Cost is averaged over runs whose cost is known.
/// <see cref="Discounted"/> runs ended succeeded with denied tool calls and are not among the successes.
/// </summary>
public sealed record CalibrationStats(int Runs, int Successes, decimal? MeanCostUsd, double MeanDurationMs, int Discounted = 0)
{
    public double SuccessRate => Runs == 0 ? 0 : (double)Successes / Runs;
}
