namespace AgentDeck.MockModel.Scenarios;

public sealed record TextBlock(string Text) : ScenarioBlock
{
    public override bool IsToolCall => false;
}
