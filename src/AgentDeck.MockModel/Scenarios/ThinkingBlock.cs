namespace AgentDeck.MockModel.Scenarios;

/// <summary>Claude: a thinking block. Codex: a reasoning item with this summary.</summary>
public sealed record ThinkingBlock(string Text) : ScenarioBlock
{
    public override bool IsToolCall => false;
}
