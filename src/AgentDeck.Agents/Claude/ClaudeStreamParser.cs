using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// Reads Claude Code's <c>--output-format stream-json --verbose</c> (with or without <c>--include-partial-messages</c>,
/// <c>--input-format stream-json</c>, <c>--replay-user-messages</c>) and the single line of <c>--output-format json</c>.
/// Each <c>system/init</c> opens a turn and each <c>result</c> closes it with this turn's own tokens and cost.
/// </summary>
public sealed class ClaudeStreamParser : IAgentStreamParser, IJsonLineHandler
{
    private readonly JsonLines _lines = new();
    private readonly ClaudeToolTracker _tools = new();
    private readonly ClaudeCostTracker _cost;
    private string? _sessionId;
    private string? _model;
    private bool _turnOpen;
    private int _turnsCompleted;
    private bool _completed;

    public ClaudeStreamParser(ParserBaseline? baseline = null) => _cost = new ClaudeCostTracker(baseline?.CumulativeUsd);

    public AgentKind Agent => AgentKind.Claude;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output) => _lines.Parse(line, output, this);

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_turnOpen)
        {
            _turnOpen = false;
            var detail = $"stream ended before the turn's result ({ExitCodes.Describe(exitCode)})";
            output.Add(ExitCodes.IsStoppedBySignal(exitCode)
                ? new TurnCompleted(TurnOutcome.Interrupted, null, FailureReasons.Aborted, detail)
                : new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash, detail));
        }
        else if (_turnsCompleted == 0 && exitCode is not (null or 0))
        {
            output.Add(new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash,
                $"claude exited with {ExitCodes.Describe(exitCode)} without a result (see its stderr)"));
        }
    }

    string? IJsonLineHandler.Handle(JsonElement root, List<AgentEvent> output)
    {
        switch (root.Str("type"u8))
        {
            case "system":
                OnSystem(root, output);
                break;
            case "assistant":
                OnAssistant(root, output);
                break;
            case "user":
                OnUser(root, output);
                break;
            case "stream_event":
                OnStreamEvent(root, output);
                break;
            case "control_request":
                OnControlRequest(root, output);
                break;
            case "control_response":
                OnControlResponse(root, output);
                break;
            case "result":
                OnResult(root, output);
                break;
            case null:
                return JsonLines.NoTypeReason;
            case var other:
                output.Add(new ProtocolNote(other));
                break;
        }

        return null;
    }

    private void OnSystem(JsonElement root, List<AgentEvent> output)
    {
        var subtype = root.Str("subtype"u8);
        if (subtype == "init")
        {
            _sessionId = root.Str("session_id"u8) ?? _sessionId;
            _model = root.Str("model"u8) ?? _model;
            _turnOpen = true;
            output.Add(new SessionStarted(_sessionId ?? string.Empty, _model, root.Str("cwd"u8), root.Strings("tools"u8)));
            output.Add(new TurnStarted(null));
            return;
        }

        output.Add(ClaudeSystemLines.Read(subtype, root, _tools));
    }

    private void OnAssistant(JsonElement root, List<AgentEvent> output)
    {
        var message = root.Obj("message"u8);
        if (root.IsTrue("is_api_error_message"u8))
        {
            output.Add(new ApiError(root.Int("api_error_status"u8), root.Str("error"u8) ?? root.Str("api_error_type"u8),
                Summary.OneLine(FirstText(message?.Prop("content"u8)), Summary.OutputMax)));
            return;
        }

        if (message?.Str("model"u8) is { } model && model != "<synthetic>")
        {
            _model = model;
        }

        var messageId = message?.Str("id"u8);
        if (message?.Arr("content"u8) is not { } blocks)
        {
            return;
        }

        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.Str("type"u8);
            switch (type)
            {
                case "text" when block.Str("text"u8) is { } text:
                    output.Add(new AssistantText(text, false, messageId));
                    break;
                case "thinking" when block.Str("thinking"u8) is { } thinking:
                    output.Add(new Thinking(thinking, false));
                    break;
                case "tool_use" or "server_tool_use" or "mcp_tool_use":
                    var id = block.Id("id"u8) ?? string.Empty;
                    var name = block.Str("name"u8) ?? "unknown";
                    var input = block.Prop("input"u8);
                    var paths = _tools.Started(id, name, input);
                    output.Add(new ToolCallStarted(id, name, Summary.OfInput(input), paths));
                    break;
                default:
                    output.Add(new ProtocolNote("assistant/" + (type ?? "block")));
                    break;
            }
        }
    }

    private void OnUser(JsonElement root, List<AgentEvent> output)
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

    private void OnToolResult(JsonElement root, JsonElement block, bool singleResult, List<AgentEvent> output)
    {
        var id = block.Id("tool_use_id"u8) ?? string.Empty;
        var name = _tools.NameOf(id);
        var isError = block.IsTrue("is_error"u8);
        var summary = Summary.OfOutput(block.Prop("content"u8));
        if (WasRejected(root, id) && _tools.MarkDenied(id))
        {
            output.Add(new PermissionDenied(name, id, summary));
        }

        // tool_use_result describes the line's one result; with several results in a line it cannot be matched.
        var structured = singleResult ? root.Prop("tool_use_result"u8) : null;
        output.Add(new ToolCallFinished(id, name, summary, isError, _tools.ChangedPaths(id, isError, structured)));
    }

    private static bool WasRejected(JsonElement root, string id)
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

    private static void OnStreamEvent(JsonElement root, List<AgentEvent> output)
    {
        var streamEvent = root.Obj("event"u8);
        var type = streamEvent?.Str("type"u8) ?? "unknown";
        if (type != "content_block_delta")
        {
            output.Add(new ProtocolNote("stream_event/" + type));
            return;
        }

        var delta = streamEvent!.Value.Obj("delta"u8);
        switch (delta?.Str("type"u8))
        {
            case "text_delta" when delta.Value.Str("text"u8) is { } text:
                output.Add(new AssistantText(text, true, root.Str("api_message_id"u8)));
                break;
            case "thinking_delta" when delta.Value.Str("thinking"u8) is { } thinking:
                output.Add(new Thinking(thinking, true));
                break;
            case var other:
                output.Add(new ProtocolNote("stream_event/" + (other ?? "delta")));
                break;
        }
    }

    private static void OnControlRequest(JsonElement root, List<AgentEvent> output)
    {
        var request = root.Obj("request"u8);
        var subtype = request?.Str("subtype"u8) ?? "unknown";
        if (subtype != "can_use_tool")
        {
            output.Add(new ProtocolNote("control_request/" + subtype, root.Id("request_id"u8)));
            return;
        }

        var r = request!.Value;
        output.Add(new PermissionRequested(
            root.Id("request_id"u8) ?? string.Empty,
            r.Str("tool_name"u8) ?? "unknown",
            Summary.OfInput(r.Prop("input"u8)),
            r.Str("decision_reason"u8) ?? r.Str("decision_reason_type"u8)));
    }

    private static void OnControlResponse(JsonElement root, List<AgentEvent> output)
    {
        var response = root.Obj("response"u8);
        var subtype = response?.Str("subtype"u8);
        if (subtype == "error")
        {
            output.Add(new Notice("warning", Summary.OneLine(response?.Str("error"u8) ?? "control request failed", Summary.OutputMax), "claude/control"));
            return;
        }

        output.Add(new ProtocolNote("control_response", response?.Id("request_id"u8)));
    }

    private void OnResult(JsonElement root, List<AgentEvent> output)
    {
        var since = root.Obj("model_usage_since_last_result"u8);
        var modelUsage = root.Obj("modelUsage"u8);
        if (_sessionId is null && root.Str("session_id"u8) is { } sessionId)
        {
            // --output-format json prints only this line: it is the first and only place the session id appears.
            _sessionId = sessionId;
            output.Add(new SessionStarted(sessionId, ClaudeUsage.SingleModel(modelUsage) ?? _model, null, []));
        }

        AddListedDenials(root, output);

        var turnTokens = TokenUsage.Zero;
        var sessionTokens = ClaudeUsage.SumModelMap(modelUsage);
        if (root.Obj("usage"u8) is { } usage)
        {
            turnTokens = ClaudeUsage.FromUsage(usage);
            var model = ClaudeUsage.SingleModel(since) ?? ClaudeUsage.SingleModel(modelUsage) ?? _model;
            output.Add(new UsageReported(turnTokens, sessionTokens, model));
        }

        if (_cost.Measure(root, turnTokens, sessionTokens) is { } cost)
        {
            output.Add(cost);
        }

        output.Add(ClaudeOutcomes.Read(root));
        _turnOpen = false;
        _turnsCompleted++;
        _tools.EndTurn();
    }

    private void AddListedDenials(JsonElement root, List<AgentEvent> output)
    {
        if (root.Arr("permission_denials"u8) is not { } denials)
        {
            return;
        }

        foreach (var denial in denials.EnumerateArray())
        {
            var id = denial.Id("tool_use_id"u8);
            if (_tools.MarkDenied(id))
            {
                output.Add(new PermissionDenied(denial.Str("tool_name"u8) ?? "unknown", id,
                    "denied: " + Summary.OfInput(denial.Prop("tool_input"u8))));
            }
        }
    }

    private static int CountToolResults(JsonElement blocks)
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

    private static string? FirstText(JsonElement? content)
    {
        if (content is { ValueKind: JsonValueKind.String } plain)
        {
            return plain.GetString();
        }

        if (content is { ValueKind: JsonValueKind.Array } blocks)
        {
            foreach (var block in blocks.EnumerateArray())
            {
                if (block.Str("text"u8) is { } text)
                {
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>Texts Claude writes into the user role itself: interrupt markers and local command output.</summary>
    private static bool IsSyntheticText(string text) =>
        text.StartsWith("[Request interrupted", StringComparison.Ordinal) ||
        text.StartsWith("<local-command-", StringComparison.Ordinal) ||
        text.StartsWith("<command-", StringComparison.Ordinal);
}
