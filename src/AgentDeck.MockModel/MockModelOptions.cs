namespace AgentDeck.MockModel;

/// <summary>
/// How to run the mock model server. <see cref="Port"/> 0 picks a free port. <see cref="ScenarioFiles"/> add to
/// (and may replace) the built-in scenarios. <see cref="Workspace"/> fixes what <c>{{workspace}}</c> and relative
/// scenario paths mean; when null, each request's own working directory is used (the CLIs report it).
/// </summary>
public sealed record MockModelOptions
{
    public int Port { get; init; }

    public IReadOnlyList<string> ScenarioFiles { get; init; } = [];

    public string? LogDirectory { get; init; }

    public string DefaultScenario { get; init; } = "plain";

    public string? Workspace { get; init; }
}
