using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>The spelling of each <see cref="ModelTrait"/> in the data files.</summary>
internal static class TraitNames
{
    public static IReadOnlyDictionary<string, ModelTrait> ByName { get; } = new Dictionary<string, ModelTrait>(StringComparer.OrdinalIgnoreCase)
    {
        ["reasoning"] = ModelTrait.Reasoning,
        ["code"] = ModelTrait.Code,
        ["speed"] = ModelTrait.Speed,
        ["cost"] = ModelTrait.Cost,
        ["tool_use"] = ModelTrait.ToolUse,
        ["review"] = ModelTrait.Review,
    };

    public static string Known => string.Join(", ", ByName.Keys);
}
