using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Conversations;

/// <summary>Lenient readers for request JSON: a CLI's body may hold strings or block lists in the same field.</summary>
internal static class JsonText
{
    public static string? Str(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static IEnumerable<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>The text of a content field: a plain string, or the joined "text" of its blocks.</summary>
    public static string ContentText(JsonNode? content) => content switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray blocks => string.Join("\n", blocks.OfType<JsonObject>().Select(b => Str(b, "text")).OfType<string>()),
        _ => "",
    };
}
