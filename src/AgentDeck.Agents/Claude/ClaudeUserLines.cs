using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// Claude <c>user</c> lines: tool results (with the tool's name from its start, the files it changed and a denial when
/// the call was rejected), replayed or steering messages, and the texts Claude itself writes as the user.
/// </summary>
internal sealed class ClaudeUserLines(ClaudeToolTracker tools)
{
    public void Read(TapeElement root, List<AgentEvent> output)
    {
        var flaggedSynthetic = root.IsTrue("isSynthetic"u8);
        var content = root.Obj("message"u8)?.Prop("content"u8);
        if (content is { ValueKind: JsonValueKind.String } plain)
        {
            var text = plain.GetString() ?? string.Empty;
            output.Add(new UserMessage(text, flaggedSynthetic || IsSyntheticText(text)));
            return;
        }

        if (content is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return;
        }

        var singleResult = CountToolResults(blocks) == 1;
        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.Str("type"u8);
            switch (type)
            {
                case "tool_result":
                    OnToolResult(root, block, singleResult, output);
                    break;
                case "text" when block.Str("text"u8) is { } text:
                    output.Add(new UserMessage(text, flaggedSynthetic || IsSyntheticText(text)));
                    break;
                default:
                    output.Add(new ProtocolNote("user/" + (type ?? "block")));
                    break;
            }
        }
    }

    private void OnToolResult(TapeElement root, TapeElement block, bool singleResult, List<AgentEvent> output)
    {
        var id = block.Id("tool_use_id"u8) ?? string.Empty;
        var name = tools.NameOf(id);
        var isError = block.IsTrue("is_error"u8);
        var summary = Summary.OfOutput(block.Prop("content"u8));
        if (WasRejected(root, id) && tools.MarkDenied(id))
        {
            output.Add(new PermissionDenied(name, id, summary));
        }

        // tool_use_result describes the line's one result; with several results in a line it cannot be matched.
        var structured = singleResult ? root.Prop("tool_use_result"u8) : null;
        output.Add(new ToolCallFinished(id, name, summary, isError, tools.ChangedPaths(id, isError, structured)));
    }

    private static bool WasRejected(TapeElement root, string id)
    {
        if (root.Arr("tool_result_meta"u8) is not { } metas)
        {
            return false;
        }

        foreach (var meta in metas.EnumerateArray())
        {
            if (meta.Str("id"u8) == id && meta.Obj("permission_decision"u8)?.Str("decision"u8) == "reject")
            {
                return true;
            }
        }

        return false;
    }

    private static int CountToolResults(TapeElement blocks)
    {
        var count = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.Str("type"u8) == "tool_result")
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Texts Claude writes into the user role itself: interrupt markers and local command output.</summary>
    private static bool IsSyntheticText(string text) =>
        text.StartsWith("[Request interrupted", StringComparison.Ordinal) ||
        text.StartsWith("<local-command-", StringComparison.Ordinal) ||
        text.StartsWith("<command-", StringComparison.Ordinal);
}
