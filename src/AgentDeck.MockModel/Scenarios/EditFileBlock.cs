namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// Claude: Edit (substring replace). Codex: apply_patch "Update File" that swaps whole lines, so for Codex
/// <see cref="OldText"/> must be one or more complete lines of the file.
/// </summary>
public sealed record EditFileBlock(string Path, string OldText, string NewText) : ScenarioBlock
{
    public override bool IsToolCall => true;
}
