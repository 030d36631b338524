using AgentDeck.Core.Cost;

namespace AgentDeck.Core.Routing;

/// <summary>
/// Scores a candidate for a role. Without enough history the score is the weighted trait fit; with at least
/// <see cref="RoutingPolicy.MinCalibrationRuns"/> runs the observed success rate dominates (60 %) because it was
/// measured on this user's work, while the traits still break near-ties.
/// </summary>
public sealed class ModelScorer(IPriceBook prices, IReadOnlyList<ModelTraits> traits, Calibration calibration, RoutingPolicy policy)
{
    private const double HistoryWeight = 0.6;
    private const double NeutralFit = 0.5;

    private readonly Dictionary<string, ModelTraits> traitsByModel =
        traits.GroupBy(entry => entry.Model, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last(), StringComparer.OrdinalIgnoreCase);

    public ModelTraits? TraitsOf(string model) => traitsByModel.GetValueOrDefault(model);

    public ModelScore Score(RoleDefinition role, RoutingCandidate candidate)
    {
        var modelTraits = TraitsOf(candidate.Model);
        var fit = modelTraits is null ? NeutralFit : TraitFit(role, modelTraits);
        var history = calibration.Find(role.Name, candidate.Agent, candidate.Model);
        var calibrated = history is not null && history.Runs >= policy.MinCalibrationRuns;
        var value = calibrated ? (1 - HistoryWeight) * fit + HistoryWeight * history!.SuccessRate : fit;
        var priced = prices.Price(candidate.Model, policy.TypicalRunUsage);
        var expected = calibrated && history!.MeanCostUsd is not null ? history.MeanCostUsd : priced;
        return new ModelScore(value, fit, modelTraits is not null, history, calibrated, expected);
    }

    public static double TraitFit(RoleDefinition role, ModelTraits modelTraits)
    {
        var weights = role.TraitWeights.Where(pair => pair.Value > 0).ToList();
        if (weights.Count == 0)
        {
            return Enum.GetValues<ModelTrait>().Average(trait => modelTraits.Rating(trait)) / ModelTraits.MaxRating;
        }

        var total = weights.Sum(pair => pair.Value);
        return weights.Sum(pair => pair.Value * Math.Clamp(modelTraits.Rating(pair.Key), 0, ModelTraits.MaxRating))
               / total / ModelTraits.MaxRating;
    }
}
