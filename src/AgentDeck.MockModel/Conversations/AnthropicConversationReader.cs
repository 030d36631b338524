using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Conversations;

/// <summary>Reads a Messages API request body (<c>POST /v1/messages</c>) as Claude Code sends it.</summary>
internal static class AnthropicConversationReader
{
    public static Conversation Read(JsonObject body)
    {
        var messages = JsonText.Objects(body["messages"]).ToList();
        var (scenario, markerText, markerAt) = FindMarker(messages);
        var results = new List<string>();
        var assistantTexts = new List<string>();
        string? lastUser = null, lastResult = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var role = JsonText.Str(messages[i], "role");
            foreach (var block in Blocks(messages[i]))
            {
                var type = JsonText.Str(block, "type");
                if (type == "tool_result")
                {
                    lastResult = JsonText.ContentText(block["content"]);
                    if (i > markerAt && JsonText.Str(block, "tool_use_id") is { } id)
                    {
                        results.Add(id);
                    }
                }
                else if (type == "text" && role == "user")
                {
                    lastUser = JsonText.Str(block, "text");
                }
                else if (type == "text" && role == "assistant" && i > markerAt)
                {
                    assistantTexts.Add(JsonText.Str(block, "text") ?? "");
                }
            }
        }

        var tools = JsonText.Objects(body["tools"])
            .Select(t => (Name: JsonText.Str(t, "name"), Type: JsonText.Str(t, "type") ?? "custom"))
            .Where(t => t.Name is not null)
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name!, t => t.Type);
        return new Conversation(
            JsonText.Str(body, "model"),
            JsonText.Bool(body, "stream"),
            scenario,
            markerText,
            results,
            assistantTexts,
            lastUser,
            lastResult,
            FindWorkspace(body, messages),
            tools);
    }

    private static IEnumerable<JsonObject> Blocks(JsonObject message) =>
        message["content"] is JsonArray
            ? JsonText.Objects(message["content"])
            : [new JsonObject { ["type"] = "text", ["text"] = JsonText.ContentText(message["content"]) }];

    // Steering messages reach the model as role "system" entries, so they may carry a marker too.
    private static (string? Name, string? Text, int At) FindMarker(List<JsonObject> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (JsonText.Str(messages[i], "role") is not ("user" or "system"))
            {
                continue;
            }

            foreach (var block in Blocks(messages[i]).Reverse())
            {
                var text = JsonText.Str(block, "type") == "text" ? JsonText.Str(block, "text") : null;
                if (ScenarioMarker.Find(text) is { } name)
                {
                    return (name, text, i);
                }
            }
        }

        return (null, null, -1);
    }

    private static string? FindWorkspace(JsonObject body, List<JsonObject> messages)
    {
        var texts = new[] { JsonText.ContentText(body["system"]) }
            .Concat(messages.SelectMany(Blocks).Select(b => JsonText.Str(b, "text") ?? ""));
        return texts.Select(ScenarioMarker.ClaudeWorkspace).FirstOrDefault(w => w is not null);
    }
}
