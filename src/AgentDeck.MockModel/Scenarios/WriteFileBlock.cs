namespace AgentDeck.MockModel.Scenarios;

/// <summary>Claude: Write. Codex: apply_patch "Add File" (or a shell heredoc when apply_patch is not offered).</summary>
public sealed record WriteFileBlock(string Path, string Content) : ScenarioBlock
{
    public override bool IsToolCall => true;
}
