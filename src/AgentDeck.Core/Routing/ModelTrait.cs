namespace AgentDeck.Core.Routing;

/// <summary>What a model is rated on, 0 (poor) to 10 (excellent). <see cref="Cost"/> rates cheapness: 10 is cheapest.</summary>
public enum ModelTrait
{
    Reasoning,
    Code,
    Speed,
    Cost,
    ToolUse,
    Review,
}
