using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Wire;

/// <summary>Expands <c>{{workspace}}</c> and resolves scenario paths against the workspace of a request.</summary>
internal sealed class WorkspacePaths(string workspace)
{
    public const string Placeholder = "{{workspace}}";

    public string Workspace { get; } = workspace.TrimEnd('/') is { Length: > 0 } w ? w : "/";

    public string Expand(string text) => text.Replace(Placeholder, Workspace, StringComparison.Ordinal);

    /// <summary>An absolute path (Claude's file tools require one).</summary>
    public string Absolute(string path)
    {
        var expanded = Expand(path);
        return Path.IsPathRooted(expanded) ? expanded : Workspace.TrimEnd('/') + "/" + expanded;
    }

    /// <summary>A copy of <paramref name="node"/> with the placeholder expanded in every string.</summary>
    public JsonNode? Expand(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Expand(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Expand).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var s) => JsonValue.Create(Expand(s)),
        _ => node?.DeepClone(),
    };
}
