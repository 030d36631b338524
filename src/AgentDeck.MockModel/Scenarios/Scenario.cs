namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// A named, scripted list of model turns. <see cref="Source"/> names where it was defined (file or "built-in").
/// <see cref="Models"/> answer requests for particular models before any step is played (first match wins).
/// </summary>
public sealed record Scenario(string Name, string Description, IReadOnlyList<ScenarioStep> Steps, string Source)
{
    public IReadOnlyList<ModelRule> Models { get; init; } = [];

    public ModelRule? RuleFor(string? model) => Models.FirstOrDefault(rule => rule.Matches(model));
}
