using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Tests;

/// <summary>One server-sent event as read back from the wire.</summary>
internal sealed record SseEvent(string Name, JsonObject Data)
{
    public static IReadOnlyList<SseEvent> Parse(string body) =>
        body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(frame => frame.Split('\n'))
            .Select(lines => new SseEvent(
                lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..],
                (JsonObject)JsonNode.Parse(lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..])!))
            .ToList();
}
