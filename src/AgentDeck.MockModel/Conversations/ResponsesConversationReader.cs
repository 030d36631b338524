using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Conversations;

/// <summary>Reads a Responses API request body (<c>POST /v1/responses</c>) as Codex sends it.</summary>
internal static class ResponsesConversationReader
{
    public static Conversation Read(JsonObject body)
    {
        var items = body["input"] is JsonValue
            ? [new JsonObject { ["type"] = "message", ["role"] = "user", ["content"] = JsonText.Str(body, "input") }]
            : JsonText.Objects(body["input"]).ToList();
        var (scenario, markerText, markerAt) = FindMarker(items);
        var results = new List<string>();
        var assistantTexts = new List<string>();
        string? lastUser = null, lastResult = null, workspace = null;
        for (var i = 0; i < items.Count; i++)
        {
            var type = JsonText.Str(items[i], "type") ?? "message";
            var role = JsonText.Str(items[i], "role");
            if (type.EndsWith("_output", StringComparison.Ordinal))
            {
                lastResult = OutputText(items[i]["output"]);
                if (i > markerAt && JsonText.Str(items[i], "call_id") is { } id)
                {
                    results.Add(id);
                }
            }
            else if (type == "message" && role == "user")
            {
                var text = JsonText.ContentText(items[i]["content"]);
                workspace ??= ScenarioMarker.CodexWorkspace(text);
                if (!text.StartsWith("<environment_context>", StringComparison.Ordinal))
                {
                    lastUser = text;
                }
            }
            else if (type == "message" && role == "assistant" && i > markerAt)
            {
                assistantTexts.Add(JsonText.ContentText(items[i]["content"]));
            }
        }

        var tools = JsonText.Objects(body["tools"])
            .Select(t => (Name: JsonText.Str(t, "name") ?? JsonText.Str(t, "type"), Type: JsonText.Str(t, "type") ?? "function"))
            .Where(t => t.Name is not null)
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name!, t => t.Type);
        return new Conversation(
            JsonText.Str(body, "model"),
            Stream: body["stream"] is null || JsonText.Bool(body, "stream"),
            scenario,
            markerText,
            results,
            assistantTexts,
            lastUser,
            lastResult,
            workspace,
            tools);
    }

    private static string OutputText(JsonNode? output) => output switch
    {
        JsonObject obj => JsonText.Str(obj, "content") ?? obj.ToJsonString(),
        _ => JsonText.ContentText(output),
    };

    private static (string? Name, string? Text, int At) FindMarker(List<JsonObject> items)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if ((JsonText.Str(items[i], "type") ?? "message") != "message" || JsonText.Str(items[i], "role") != "user")
            {
                continue;
            }

            var text = JsonText.ContentText(items[i]["content"]);
            if (ScenarioMarker.Find(text) is { } name)
            {
                return (name, text, i);
            }
        }

        return (null, null, -1);
    }
}
