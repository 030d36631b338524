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
    private readonly ClaudeUserLines _users;
    private byte[] _lastToolsJson = [];
    private IReadOnlyList<string> _lastToolNames = [];
    private string? _sessionId;
    private string? _model;
    private bool _turnOpen;
    private int _turnsCompleted;
    private bool _completed;

    public ClaudeStreamParser(ParserBaseline? baseline = null)
    {
        _cost = new ClaudeCostTracker(baseline?.CumulativeUsd);
        _users = new ClaudeUserLines(_tools);
    }

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

    string? IJsonLineHandler.Handle(TapeElement root, List<AgentEvent> output)
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
                _users.Read(root, output);
                break;
            case "stream_event":
                ClaudeControlLines.ReadStreamEvent(root, output);
                break;
            case "control_request":
                ClaudeControlLines.ReadControlRequest(root, output);
                break;
            case "control_response":
                ClaudeControlLines.ReadControlResponse(root, output);
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

    private void OnSystem(TapeElement root, List<AgentEvent> output)
    {
        var subtype = root.Str("subtype"u8);
        if (subtype == "init")
        {
            _sessionId = root.Str("session_id"u8) ?? _sessionId;
            _model = root.Str("model"u8) ?? _model;
            _turnOpen = true;
            output.Add(new SessionStarted(_sessionId ?? string.Empty, _model, root.Str("cwd"u8), ToolNames(root)));
            output.Add(new TurnStarted(null));
            return;
        }

        output.Add(ClaudeSystemLines.Read(subtype, root, _tools));
    }

    /// <summary>The init line's tool list; Claude repeats the same list at every turn, so an unchanged one is reused.</summary>
    private IReadOnlyList<string> ToolNames(TapeElement init)
    {
        if (init.Arr("tools"u8) is not { } array)
        {
            return [];
        }

        if (!array.RawBytes.SequenceEqual(_lastToolsJson))
        {
            _lastToolsJson = array.RawBytes.ToArray();
            _lastToolNames = init.Strings("tools"u8);
        }

        return _lastToolNames;
    }

    private void OnAssistant(TapeElement root, List<AgentEvent> output)
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

    private void OnResult(TapeElement root, List<AgentEvent> output)
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
        var reportedUsage = root.Obj("usage"u8);
        var countedModels = modelUsage;
        if (ClaudeUsage.Problem(reportedUsage, modelUsage) is { } problem)
        {
            output.Add(TokenCounts.Notice(problem, "claude"));
            reportedUsage = null;
            countedModels = null;
        }

        var sessionTokens = ClaudeUsage.SumModelMap(countedModels);
        if (reportedUsage is { } usage)
        {
            turnTokens = ClaudeUsage.FromUsage(usage);
            if (root.Str("terminal_reason"u8) is { } terminal && terminal.StartsWith("aborted", StringComparison.Ordinal))
            {
                // A turn cut short mid-call counts that call in model_usage_since_last_result only (its usage holds
                // the finished calls, or nothing): the larger figure of each bucket is what the turn spent.
                turnTokens = ClaudeUsage.Larger(turnTokens, ClaudeUsage.SumModelMap(since));
            }
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

    private void AddListedDenials(TapeElement root, List<AgentEvent> output)
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

    private static string? FirstText(TapeElement? content)
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
}
