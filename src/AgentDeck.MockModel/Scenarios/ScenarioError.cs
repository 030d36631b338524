namespace AgentDeck.MockModel.Scenarios;

/// <summary>The HTTP error an error step replies with. A null message takes the default text for the status.</summary>
public sealed record ScenarioError(int Status, string? Message = null, int? RetryAfterSeconds = null);
