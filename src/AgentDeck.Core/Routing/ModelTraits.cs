namespace AgentDeck.Core.Routing;

/// <summary>The editable ratings of one model (0–10 per trait) and the agent that usually runs it.</summary>
public sealed record ModelTraits(string Model, AgentKind? DefaultAgent, IReadOnlyDictionary<ModelTrait, double> Ratings)
{
    public const double MaxRating = 10;

    /// <summary>A trait the data file leaves out counts as middling rather than as zero.</summary>
    public double Rating(ModelTrait trait) => Ratings.TryGetValue(trait, out var value) ? value : MaxRating / 2;
}
