using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.MockModel.Planning;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Wire;

/// <summary>
/// Turns scenario blocks into Responses API output items for Codex, choosing the tool names the request
/// offers: Codex gives unknown models only exec_command, known ones also apply_patch (a "custom" tool).
/// </summary>
internal static class CodexItems
{
    private static readonly string[] ShellTools = ["exec_command", "shell_command", "shell", "local_shell"];

    public static JsonObject Item(ScenarioBlock block, int step, int index, ReplyContext reply)
    {
        var callId = ToolCallIds.Responses(reply.Scenario, step, index);
        var paths = reply.Paths;
        var tools = reply.Conversation.OfferedTools;
        return block switch
        {
            TextBlock t => Message(paths.Expand(t.Text)),
            ThinkingBlock t => new JsonObject
            {
                ["type"] = "reasoning",
                ["summary"] = new JsonArray(new JsonObject { ["type"] = "summary_text", ["text"] = paths.Expand(t.Text) }),
                ["encrypted_content"] = null,
            },
            ShellBlock s => Shell(tools, callId, paths.Expand(s.Command), paths),
            ReadFileBlock r => Shell(tools, callId, "cat " + Quote(paths.Expand(r.Path)), paths),
            WriteFileBlock w => Patch(tools, callId, AddPatch(paths.Expand(w.Path), paths.Expand(w.Content)), paths,
                fallback: $"printf '%s' {Quote(paths.Expand(w.Content))} > {Quote(paths.Expand(w.Path))}"),
            EditFileBlock e => Patch(tools, callId, UpdatePatch(paths.Expand(e.Path), paths.Expand(e.OldText), paths.Expand(e.NewText)), paths, fallback: null),
            RawToolBlock r => FunctionCall(callId, r.Name, paths.Expand(r.Input)!.ToJsonString(WireJson.Options)),
            _ => throw new InvalidOperationException($"no Responses rendering for {block.GetType().Name}"),
        };
    }

    public static JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
    };

    public static string AddPatch(string path, string content) =>
        $"*** Begin Patch\n*** Add File: {path}\n{Prefixed('+', content)}*** End Patch\n";

    public static string UpdatePatch(string path, string oldText, string newText) =>
        $"*** Begin Patch\n*** Update File: {path}\n@@\n{Prefixed('-', oldText)}{Prefixed('+', newText)}*** End Patch\n";

    private static string Prefixed(char prefix, string text)
    {
        var lines = text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(prefix).Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static JsonObject Patch(IReadOnlyDictionary<string, string> tools, string callId, string patch, WorkspacePaths paths, string? fallback)
    {
        if (tools.TryGetValue("apply_patch", out var type))
        {
            return type == "custom"
                ? new JsonObject { ["type"] = "custom_tool_call", ["call_id"] = callId, ["name"] = "apply_patch", ["input"] = patch }
                : FunctionCall(callId, "apply_patch", new JsonObject { ["input"] = patch }.ToJsonString(WireJson.Options));
        }

        // Codex recognises an apply_patch heredoc inside a shell command and applies it itself.
        return Shell(tools, callId, fallback ?? $"apply_patch <<'AGENTDECK_PATCH'\n{patch}AGENTDECK_PATCH", paths);
    }

    private static JsonObject Shell(IReadOnlyDictionary<string, string> tools, string callId, string command, WorkspacePaths paths)
    {
        var offered = ShellTools.FirstOrDefault(tools.ContainsKey) ?? "exec_command";
        return offered switch
        {
            "exec_command" => FunctionCall(callId, offered, new JsonObject { ["cmd"] = command, ["yield_time_ms"] = 10000 }.ToJsonString(WireJson.Options)),
            "shell_command" => FunctionCall(callId, offered, new JsonObject { ["command"] = command, ["workdir"] = paths.Workspace }.ToJsonString(WireJson.Options)),
            "shell" => FunctionCall(callId, offered, new JsonObject
            {
                ["command"] = new JsonArray("bash", "-lc", command), ["workdir"] = paths.Workspace,
            }.ToJsonString(WireJson.Options)),
            _ => new JsonObject
            {
                ["type"] = "local_shell_call",
                ["call_id"] = callId,
                ["status"] = "completed",
                ["action"] = new JsonObject { ["type"] = "exec", ["command"] = new JsonArray("bash", "-lc", command) },
            },
        };
    }

    private static JsonObject FunctionCall(string callId, string name, string arguments) => new()
    {
        ["type"] = "function_call", ["call_id"] = callId, ["name"] = name, ["arguments"] = arguments,
    };

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
