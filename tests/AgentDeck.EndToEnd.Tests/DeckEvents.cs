using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>Reading the ledger's events as printed by <c>agentdeck events --json --raw</c>.</summary>
public static class DeckEvents
{
    public static IEnumerable<JsonObject> OfKind(this IReadOnlyList<JsonObject> events, string kind) =>
        events.Where(e => (string?)e["event"]!["kind"] == kind).Select(e => e["event"]!.AsObject());

    public static IReadOnlyList<string> ToolNames(this IReadOnlyList<JsonObject> events) =>
        events.OfKind("tool_call_started").Select(e => (string)e["name"]!).ToList();

    public static IReadOnlyList<string> ToolPaths(this IReadOnlyList<JsonObject> events) =>
        events.OfKind("tool_call_started").SelectMany(e => e["paths"]?.AsArray() ?? []).Select(p => (string)p!).ToList();

    public static IReadOnlyList<string> FilesTouched(this JsonObject run) =>
        run["files_touched"]!.AsArray().Select(f => (string)f!).ToList();

    public static string Describe(this IReadOnlyList<JsonObject> events) => string.Join('\n', events.Select(e => e["event"]!.ToJsonString()));
}
