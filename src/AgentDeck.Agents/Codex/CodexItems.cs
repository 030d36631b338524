using System.Text;
using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Codex;

/// <summary>Turns one Codex thread item at one phase into normalized events; shared by exec and app-server streams.</summary>
internal sealed class CodexItems(CodexSession session)
{
    public const string ShellTool = "shell";
    public const string PatchTool = "apply_patch";
    public const string WebSearchTool = "web_search";

    private static readonly Dictionary<string, CodexItemKind> Kinds = new(StringComparer.Ordinal)
    {
        ["agent_message"] = CodexItemKind.AgentMessage, ["agentMessage"] = CodexItemKind.AgentMessage,
        ["reasoning"] = CodexItemKind.Reasoning,
        ["command_execution"] = CodexItemKind.Command, ["commandExecution"] = CodexItemKind.Command,
        ["file_change"] = CodexItemKind.FileChange, ["fileChange"] = CodexItemKind.FileChange,
        ["todo_list"] = CodexItemKind.TodoList, ["todoList"] = CodexItemKind.TodoList,
        ["web_search"] = CodexItemKind.WebSearch, ["webSearch"] = CodexItemKind.WebSearch,
        ["mcp_tool_call"] = CodexItemKind.McpTool, ["mcpToolCall"] = CodexItemKind.McpTool,
        ["collab_tool_call"] = CodexItemKind.CollabTool, ["collabAgentToolCall"] = CodexItemKind.CollabTool,
        ["plan"] = CodexItemKind.Plan,
        ["error"] = CodexItemKind.Error,
        ["user_message"] = CodexItemKind.UserMessage, ["userMessage"] = CodexItemKind.UserMessage,
    };

    public void Read(CodexItemPhase phase, TapeElement item, string lineType, List<AgentEvent> output)
    {
        var type = item.Str("type"u8);
        var kind = type is not null && Kinds.TryGetValue(type, out var known) ? known : CodexItemKind.Unknown;
        // exec's web_search item carries two "id" keys (thread item id, then the search id): the first is the item's.
        var id = item.FirstStr("id"u8) ?? item.Id("id"u8) ?? string.Empty;
        var completed = phase == CodexItemPhase.Completed;
        switch (kind)
        {
            case CodexItemKind.AgentMessage when completed && item.Str("text"u8) is { } text:
                session.LastAgentText = text;
                output.Add(new AssistantText(text, false, id));
                break;
            case CodexItemKind.Reasoning when completed && ReasoningText(item) is { Length: > 0 } reasoning:
                output.Add(new Thinking(reasoning, false));
                break;
            case CodexItemKind.Plan when completed && item.Str("text"u8) is { } plan:
                output.Add(new AssistantText(plan, false, id));
                break;
            case CodexItemKind.UserMessage when completed:
                output.Add(new UserMessage(JoinTexts(item.Prop("content"u8))));
                break;
            case CodexItemKind.Error:
                output.Add(new Notice("warning", Summary.OneLine(item.Str("message"u8), Summary.OutputMax), "codex"));
                break;
            case CodexItemKind.TodoList:
                output.Add(new Notice("info", TodoSummary(item), "codex/todo_list"));
                break;
            case CodexItemKind.Command:
                Tool(phase, id, ShellTool, CommandSummary(item), [], output, () => CommandResult(item));
                break;
            case CodexItemKind.FileChange:
                Tool(phase, id, PatchTool, ChangesSummary(item), ChangedPaths(item), output, () => PatchResult(item));
                break;
            case CodexItemKind.WebSearch:
                var query = Summary.OneLine(item.Str("query"u8) ?? item.Obj("action"u8)?.Str("query"u8), Summary.InputMax);
                Tool(phase, id, WebSearchTool, query, [], output, () => (query, Failed(item), false));
                break;
            case CodexItemKind.McpTool:
                var mcpName = $"mcp:{item.Str("server"u8)}/{item.Str("tool"u8)}";
                Tool(phase, id, mcpName, Summary.OfInput(item.Prop("arguments"u8)), [], output, () => McpResult(item));
                break;
            case CodexItemKind.CollabTool:
                var collabName = item.Str("tool"u8) ?? "collab";
                Tool(phase, id, collabName, Summary.OneLine(item.Str("prompt"u8), Summary.InputMax), [], output,
                    () => (item.Str("status"u8) ?? string.Empty, Failed(item), false));
                break;
            default:
                output.Add(new ProtocolNote($"{lineType}/{type ?? "item"}", id));
                break;
        }
    }

    /// <summary>
    /// Started → <see cref="ToolCallStarted"/>; completed → <see cref="ToolCallFinished"/> (preceded by its start when
    /// the stream never announced it); a declined call is also a <see cref="PermissionDenied"/>.
    /// </summary>
    private void Tool(CodexItemPhase phase, string id, string name, string input, IReadOnlyList<string> paths,
        List<AgentEvent> output, Func<(string Output, bool IsError, bool Declined)> result)
    {
        switch (phase)
        {
            case CodexItemPhase.Started:
                session.CallStarted(id, name);
                output.Add(new ToolCallStarted(id, name, input, paths));
                break;
            case CodexItemPhase.Updated:
                output.Add(new ProtocolNote("item.updated/" + name, id));
                break;
            default:
                if (!session.CallFinished(id))
                {
                    output.Add(new ToolCallStarted(id, name, input, paths));
                }

                var (summary, isError, declined) = result();
                if (declined)
                {
                    output.Add(new PermissionDenied(name, id, "declined: " + input));
                }

                output.Add(new ToolCallFinished(id, name, summary, isError, isError ? [] : paths));
                break;
        }
    }

    private static (string, bool, bool) CommandResult(TapeElement item)
    {
        var status = item.Str("status"u8);
        var exitCode = item.Int("exit_code"u8) ?? item.Int("exitCode"u8);
        var text = item.Str("aggregated_output"u8) ?? item.Str("aggregatedOutput"u8);
        var summary = string.IsNullOrWhiteSpace(text) ? exitCode is { } code ? $"exit {code}" : status ?? string.Empty : Summary.OneLine(text, Summary.OutputMax);
        var declined = status == "declined";
        return (summary, declined || status == "failed" || exitCode is not (null or 0), declined);
    }

    private static (string, bool, bool) PatchResult(TapeElement item)
    {
        var status = item.Str("status"u8);
        var declined = status == "declined";
        return (status ?? string.Empty, declined || status is "failed" or "error", declined);
    }

    private static (string, bool, bool) McpResult(TapeElement item)
    {
        if (item.Obj("error"u8) is { } error)
        {
            return (Summary.OneLine(error.Str("message"u8), Summary.OutputMax), true, false);
        }

        var result = item.Obj("result"u8);
        return (Summary.OfOutput(result?.Prop("content"u8)), Failed(item), false);
    }

    private static bool Failed(TapeElement item) => item.Str("status"u8) is "failed" or "error" or "declined";

    private static string CommandSummary(TapeElement item) =>
        Summary.OneLine(CodexCommands.Unwrap(item.Str("command"u8)), Summary.InputMax);

    private static IReadOnlyList<string> ChangedPaths(TapeElement item)
    {
        if (item.Arr("changes"u8) is not { } changes)
        {
            return [];
        }

        var paths = new List<string>();
        foreach (var change in changes.EnumerateArray())
        {
            if (change.Str("path"u8) is { Length: > 0 } path && !paths.Contains(path))
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    private static string ChangesSummary(TapeElement item)
    {
        if (item.Arr("changes"u8) is not { } changes)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var change in changes.EnumerateArray())
        {
            var kind = change.Str("kind"u8) ?? change.Obj("kind"u8)?.Str("type"u8) ?? "change";
            builder.Append(builder.Length == 0 ? string.Empty : "; ").Append(kind).Append(' ').Append(change.Str("path"u8));
            if (builder.Length > Summary.InputMax)
            {
                break;
            }
        }

        return Summary.OneLine(builder.ToString(), Summary.InputMax);
    }

    private static string TodoSummary(TapeElement item)
    {
        if (item.Arr("items"u8) is not { } todos)
        {
            return "plan";
        }

        var builder = new StringBuilder("plan:");
        foreach (var todo in todos.EnumerateArray())
        {
            builder.Append(todo.IsTrue("completed"u8) ? " [x] " : " [ ] ").Append(todo.Str("text"u8)).Append(';');
        }

        return Summary.OneLine(builder.ToString().TrimEnd(';'), Summary.OutputMax);
    }

    private static string? ReasoningText(TapeElement item)
    {
        if (item.Str("text"u8) is { } text)
        {
            return text;
        }

        var summary = item.Strings("summary"u8);
        return summary.Count > 0 ? string.Join("\n", summary) : string.Join("\n", item.Strings("content"u8));
    }

    private static string JoinTexts(TapeElement? content)
    {
        if (content is { ValueKind: JsonValueKind.String } plain)
        {
            return plain.GetString() ?? string.Empty;
        }

        if (content is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.Str("text"u8) is { } text)
            {
                builder.Append(builder.Length == 0 ? string.Empty : "\n").Append(text);
            }
        }

        return builder.ToString();
    }
}
