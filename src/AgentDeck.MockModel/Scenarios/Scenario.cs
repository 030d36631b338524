namespace AgentDeck.MockModel.Scenarios;

/// <summary>A named, scripted list of model turns. <see cref="Source"/> names where it was defined (file or "built-in").</summary>
public sealed record Scenario(string Name, string Description, IReadOnlyList<ScenarioStep> Steps, string Source);
