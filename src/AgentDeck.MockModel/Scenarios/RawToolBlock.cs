using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Scenarios;

/// <summary>Any other tool by name. Claude: a tool_use with this input. Codex: a function_call with it as arguments.</summary>
public sealed record RawToolBlock(string Name, JsonObject Input) : ScenarioBlock
{
    public override bool IsToolCall => true;
}
