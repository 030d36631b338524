using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>The stdout of a CLI in a JSON-lines mode, every line parsed (a line that is not JSON fails the test).</summary>
public sealed class JsonLines
{
    private JsonLines(IReadOnlyList<JsonObject> lines) => Lines = lines;

    public IReadOnlyList<JsonObject> Lines { get; }

    public static JsonLines Parse(ProcessResult result)
    {
        var lines = new List<JsonObject>();
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                lines.Add(JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object"));
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"stdout line is not a JSON object ({e.Message}): {line}\n{result.Describe()}");
            }
        }

        return new JsonLines(lines);
    }

    public IEnumerable<JsonObject> OfType(string type) => Lines.Where(l => (string?)l["type"] == type);

    /// <summary>Claude: the names of the tools the model called, in order.</summary>
    public IReadOnlyList<string> ClaudeToolCalls() =>
        OfType("assistant")
            .SelectMany(l => l["message"]?["content"]?.AsArray() ?? [])
            .Where(b => (string?)b?["type"] == "tool_use")
            .Select(b => (string)b!["name"]!)
            .ToList();

    /// <summary>Codex: the types of the completed items, in order.</summary>
    public IReadOnlyList<string> CodexCompletedItems() =>
        OfType("item.completed").Select(l => (string)l["item"]!["type"]!).ToList();
}
