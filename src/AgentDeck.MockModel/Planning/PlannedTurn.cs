using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Planning;

/// <summary>
/// The planner's decision for one request: a step to play, or a <see cref="Problem"/> that explains which step
/// the scenario expected and what the request carried instead (answered with HTTP 400), or a model the scenario
/// says the API does not know (<see cref="RejectedModel"/>, answered with that API's unknown-model error).
/// </summary>
internal sealed record PlannedTurn(string ScenarioName, int StepIndex, ScenarioStep? Step, string? Problem)
{
    public string? RejectedModel { get; init; }

    public static PlannedTurn Play(string scenario, int index, ScenarioStep step) => new(scenario, index, step, null);

    public static PlannedTurn Refuse(string scenario, int index, string problem) => new(scenario, index, null, problem);

    public static PlannedTurn RejectModel(string scenario, string model) =>
        new(scenario, 0, null, $"mock model: scenario '{scenario}' rejects model '{model}'") { RejectedModel = model };
}
