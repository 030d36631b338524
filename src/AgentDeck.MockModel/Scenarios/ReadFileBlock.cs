namespace AgentDeck.MockModel.Scenarios;

/// <summary>Claude: Read. Codex: a shell <c>cat</c> of the file.</summary>
public sealed record ReadFileBlock(string Path) : ScenarioBlock
{
    public override bool IsToolCall => true;
}
