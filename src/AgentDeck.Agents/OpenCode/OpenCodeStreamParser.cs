using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.OpenCode;

/// <summary>
/// Reads <c>opencode run --format json</c>. The run is one turn and has no closing line (1.18.33 just ends; newer builds
/// print <c>done</c>), so <see cref="Complete"/> closes it with the summed <c>step_finish</c> tokens and cost. Tool calls
/// arrive only finished, so each yields its start and its end. One failure may be printed as two identical
/// <c>error</c> lines; the repeat is a protocol note, not a second error.
/// </summary>
public sealed class OpenCodeStreamParser : IAgentStreamParser, IJsonLineHandler
{
    private readonly JsonLines _lines = new();
    private TokenUsage _tokens;
    private decimal _costUsd;
    private bool _sawUsage;
    private bool _sawCost;
    private bool _turnOpen;
    private bool _turnClosed;
    private bool _completed;
    private string? _lastText;
    private string? _lastErrorKey;
    private (string Reason, string Message)? _failure;

    public AgentKind Agent => AgentKind.OpenCode;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output) => _lines.Parse(line, output, this);

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (!_turnClosed && (_turnOpen || exitCode is not (null or 0)))
        {
            CloseTurn(exitCode, output);
        }
    }

    string? IJsonLineHandler.Handle(TapeElement root, List<AgentEvent> output)
    {
        var type = root.Str("type"u8);
        if (type is null)
        {
            return JsonLines.NoTypeReason;
        }

        OpenTurn(root, output);
        var part = root.Obj("part"u8) ?? default;
        switch (type)
        {
            case "text" when part.Str("text"u8) is { } text:
                _lastText = text;
                output.Add(new AssistantText(text, false, part.Str("messageID"u8)));
                break;
            case "reasoning" when part.Str("text"u8) is { } thought:
                output.Add(new Thinking(thought, false));
                break;
            case "tool_use":
                OnToolUse(part, output);
                break;
            case "step_finish":
                OnStepFinish(part, output);
                break;
            case "error":
                OnError(root.Obj("error"u8) ?? default, output);
                break;
            case "done":
                AddRejected(root, output);
                CloseTurn(0, output);
                break;
            default:
                output.Add(new ProtocolNote(type, part.Str("type"u8)));
                break;
        }

        return null;
    }

    private void OpenTurn(TapeElement root, List<AgentEvent> output)
    {
        if (_turnOpen || _turnClosed)
        {
            return;
        }

        _turnOpen = true;
        output.Add(new SessionStarted(root.Str("sessionID"u8) ?? string.Empty, null, null, []));
        output.Add(new TurnStarted(null));
    }

    private static void OnToolUse(TapeElement part, List<AgentEvent> output)
    {
        var id = part.Id("callID"u8) ?? part.Id("id"u8) ?? string.Empty;
        var name = part.Str("tool"u8) ?? "unknown";
        var state = part.Obj("state"u8) ?? default;
        var input = state.Prop("input"u8);
        var paths = ToolPaths.FromInput(input);
        var isError = state.Str("status"u8) != "completed";
        var summary = isError
            ? Summary.OneLine(state.Str("error"u8) ?? state.Str("output"u8) ?? state.Str("status"u8), Summary.OutputMax)
            : Summary.OfOutput(state.Prop("output"u8));
        output.Add(new ToolCallStarted(id, name, Summary.OfInput(input), paths));
        output.Add(new ToolCallFinished(id, name, summary, isError, !isError && ToolPaths.IsMutating(name) ? paths : []));
    }

    private void OnStepFinish(TapeElement part, List<AgentEvent> output)
    {
        if (part.Obj("tokens"u8) is { } tokens)
        {
            if (TokenCounts.Problem(tokens, "part.tokens", "input", "cache.read", "cache.write", "output", "reasoning") is { } problem)
            {
                output.Add(TokenCounts.Notice(problem, "opencode"));
            }
            else
            {
                var cache = tokens.Obj("cache"u8) ?? default;
                _tokens += new TokenUsage(tokens.Long("input"u8) ?? 0, cache.Long("read"u8) ?? 0, cache.Long("write"u8) ?? 0,
                    tokens.Long("output"u8) ?? 0, tokens.Long("reasoning"u8) ?? 0);
                _sawUsage = true;
            }
        }

        if (part.Dec("cost"u8) is { } cost)
        {
            _costUsd += cost;
            _sawCost = true;
        }

        output.Add(new ProtocolNote("step_finish", part.Str("reason"u8)));
    }

    private void OnError(TapeElement error, List<AgentEvent> output)
    {
        var name = error.Str("name"u8) ?? "Error";
        var data = error.Obj("data"u8) ?? default;
        var message = Summary.OneLine(data.Str("message"u8) ?? error.Str("message"u8) ?? name, Summary.OutputMax);
        var status = data.Int("statusCode"u8);
        var key = $"{name}\n{status}\n{message}";
        if (key == _lastErrorKey)
        {
            output.Add(new ProtocolNote("error", "repeated"));
            return;
        }

        _lastErrorKey = key;
        _failure = (name == "ContextOverflowError" ? FailureReasons.PromptTooLong : ModelRejections.Reason(status, name, message), message);
        output.Add(new ApiError(status, name, message));
    }

    private static void AddRejected(TapeElement root, List<AgentEvent> output)
    {
        if (root.Arr("rejected"u8) is not { } rejected)
        {
            return;
        }

        foreach (var permission in rejected.EnumerateArray())
        {
            var tool = permission.Str("tool"u8) ?? permission.Str("permission"u8) ?? permission.Str("type"u8) ?? "unknown";
            output.Add(new PermissionDenied(tool, permission.Id("callID"u8), "auto-rejected: " + Summary.OneLine(permission.Str("title"u8) ?? permission.GetRawText(), Summary.InputMax)));
        }
    }

    private void CloseTurn(int? exitCode, ICollection<AgentEvent> output)
    {
        _turnClosed = true;
        _turnOpen = false;
        if (_sawUsage)
        {
            output.Add(new UsageReported(_tokens, null));
        }

        if (_sawCost)
        {
            output.Add(new CostReported(_costUsd, null));
        }

        var detail = $"stream ended ({ExitCodes.Describe(exitCode)})";
        output.Add(_failure is { } failure ? new TurnCompleted(TurnOutcome.Failed, null, failure.Reason, failure.Message)
            : exitCode == 0 ? new TurnCompleted(TurnOutcome.Succeeded, _lastText, null)
            : ExitCodes.IsStoppedBySignal(exitCode) ? new TurnCompleted(TurnOutcome.Interrupted, null, FailureReasons.Aborted, detail)
            : new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash, detail));
    }
}
