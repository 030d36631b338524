namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// One model turn of a scenario. Error and cut steps with <see cref="Times"/> fail that many times per
/// conversation and then let the scenario go on to the next step; without it they fail every time.
/// </summary>
public sealed record ScenarioStep(
    StepKind Kind,
    IReadOnlyList<ScenarioBlock> Blocks,
    ScenarioError? Error = null,
    int? Times = null,
    ScenarioUsage? Usage = null,
    int DelayMs = 0,
    int ChunkDelayMs = 0,
    int Line = 0)
{
    public bool HasToolCalls => Blocks.Any(b => b.IsToolCall);

    public bool FailsForever => Kind != StepKind.Reply && Times is null;
}
