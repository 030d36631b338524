using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Tests;

/// <summary>Request bodies shaped like the ones Claude Code and Codex send.</summary>
internal static class Requests
{
    public static JsonObject Anthropic(string prompt, bool stream = true, params JsonObject[] more)
    {
        var messages = new JsonArray(
            new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(
                    new JsonObject { ["type"] = "text", ["text"] = "<system-reminder>context</system-reminder>" },
                    new JsonObject { ["type"] = "text", ["text"] = prompt }),
            },
            new JsonObject
            {
                ["role"] = "system",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "# Environment\n - Primary working directory: /work/repo\n - Is a git repository: true" }),
            });
        foreach (var message in more)
        {
            messages.Add(message);
        }

        return new JsonObject
        {
            ["model"] = "claude-opus-5-5",
            ["stream"] = stream,
            ["max_tokens"] = 1000,
            ["system"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "You are a Claude agent." }),
            ["messages"] = messages,
            ["tools"] = new JsonArray(new JsonObject { ["name"] = "Bash" }, new JsonObject { ["name"] = "Write" }),
        };
    }

    public static JsonObject AssistantToolUse(string id) => new()
    {
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "tool_use", ["id"] = id, ["name"] = "Write", ["input"] = new JsonObject() }),
    };

    public static JsonObject ToolResult(string id, string content = "ok") => new()
    {
        ["role"] = "user",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = content }),
    };

    public static JsonObject AssistantText(string text) => new()
    {
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
    };

    public static JsonObject Responses(string prompt, bool knownModel = true, params JsonObject[] more)
    {
        var input = new JsonArray(
            new JsonObject { ["type"] = "message", ["role"] = "developer", ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = "You are Codex." }) },
            new JsonObject { ["type"] = "message", ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = "<environment_context>\n  <cwd>/work/codex</cwd>\n</environment_context>" }) },
            new JsonObject { ["type"] = "message", ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = prompt }) });
        foreach (var item in more)
        {
            input.Add(item);
        }

        var tools = new JsonArray(
            new JsonObject { ["type"] = "function", ["name"] = "exec_command" },
            new JsonObject { ["type"] = "function", ["name"] = "write_stdin" });
        if (knownModel)
        {
            tools.Add(new JsonObject { ["type"] = "custom", ["name"] = "apply_patch" });
        }

        return new JsonObject { ["model"] = knownModel ? "gpt-5.5" : "mock-model", ["stream"] = true, ["input"] = input, ["tools"] = tools };
    }

    public static JsonObject CallOutput(string callId, string type = "function_call_output") => new()
    {
        ["type"] = type, ["call_id"] = callId, ["output"] = "Exit code: 0\nOutput:\nfine",
    };
}
