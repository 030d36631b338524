using System.Text;
using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Gemini;

/// <summary>
/// Reads Gemini CLI's <c>--output-format stream-json</c>: <c>init</c>, <c>message</c> (assistant text as deltas),
/// <c>tool_use</c>, <c>tool_result</c>, <c>error</c> (non-fatal warnings) and the closing <c>result</c> with the run's stats.
/// One run is one turn; its stats are per run, so no baseline is needed.
/// </summary>
public sealed class GeminiStreamParser : IAgentStreamParser, IJsonLineHandler
{
    private readonly JsonLines _lines = new();
    private readonly Dictionary<string, (string Name, IReadOnlyList<string> Paths)> _calls = new(StringComparer.Ordinal);
    private readonly StringBuilder _replyText = new();
    private bool _turnOpen;
    private int _turnsCompleted;
    private bool _completed;

    public AgentKind Agent => AgentKind.Gemini;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output) => _lines.Parse(line, output, this);

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var detail = $"stream ended without a result ({ExitCodes.Describe(exitCode)})";
        if (_turnOpen)
        {
            _turnOpen = false;
            var (outcome, reason) = ExitCodes.IsStoppedBySignal(exitCode) ? (TurnOutcome.Interrupted, FailureReasons.Aborted)
                : exitCode is { } code and not 0 ? GeminiExitCodes.Read(code)
                : (TurnOutcome.Failed, FailureReasons.Crash);
            output.Add(new TurnCompleted(outcome, null, reason, detail));
        }
        else if (_turnsCompleted == 0 && exitCode is { } code and not 0)
        {
            var (outcome, reason) = GeminiExitCodes.Read(code);
            output.Add(new TurnCompleted(outcome, null, reason, detail));
        }
    }

    string? IJsonLineHandler.Handle(TapeElement root, List<AgentEvent> output)
    {
        switch (root.Str("type"u8))
        {
            case "init":
                _turnOpen = true;
                _replyText.Clear();
                output.Add(new SessionStarted(root.Str("session_id"u8) ?? string.Empty, root.Str("model"u8), null, []));
                output.Add(new TurnStarted(null));
                break;
            case "message":
                OnMessage(root, output);
                break;
            case "tool_use":
                var id = root.Id("tool_id"u8) ?? string.Empty;
                var name = root.Str("tool_name"u8) ?? "unknown";
                var parameters = root.Prop("parameters"u8);
                var paths = ToolPaths.FromInput(parameters);
                _calls[id] = (name, paths);
                _replyText.Clear(); // the final reply is the text after the last tool call
                output.Add(new ToolCallStarted(id, name, Summary.OfInput(parameters), paths));
                break;
            case "tool_result":
                OnToolResult(root, output);
                break;
            case "error":
                output.Add(new Notice(root.Str("severity"u8) ?? "error", Summary.OneLine(root.Str("message"u8), Summary.OutputMax), "gemini"));
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

    private void OnMessage(TapeElement root, List<AgentEvent> output)
    {
        var text = root.Str("content"u8) ?? string.Empty;
        if (root.Str("role"u8) == "user")
        {
            output.Add(new UserMessage(text));
            return;
        }

        var isDelta = root.IsTrue("delta"u8);
        if (!isDelta)
        {
            _replyText.Clear();
        }

        _replyText.Append(text);
        output.Add(new AssistantText(text, isDelta));
    }

    private void OnToolResult(TapeElement root, List<AgentEvent> output)
    {
        var id = root.Id("tool_id"u8) ?? string.Empty;
        var (name, paths) = _calls.TryGetValue(id, out var call) ? call : ("unknown", (IReadOnlyList<string>)[]);
        _calls.Remove(id);
        var error = root.Obj("error"u8);
        var isError = root.Str("status"u8) != "success";
        var summary = isError
            ? Summary.OneLine(error?.Str("message"u8) ?? root.Str("output"u8), Summary.OutputMax)
            : Summary.OfOutput(root.Prop("output"u8));
        if (error?.Str("type"u8) == "tool_not_registered")
        {
            // Headless default approval mode hides mutating tools: the call was refused by policy, not broken.
            output.Add(new PermissionDenied(name, id, summary));
        }

        output.Add(new ToolCallFinished(id, name, summary, isError, !isError && ToolPaths.IsMutating(name) ? paths : []));
    }

    private void OnResult(TapeElement root, List<AgentEvent> output)
    {
        if (root.Obj("stats"u8) is { } stats)
        {
            if (TokenCounts.Problem(stats, "stats", "input_tokens", "cached", "input", "output_tokens") is { } problem)
            {
                output.Add(TokenCounts.Notice(problem, "gemini"));
            }
            else
            {
                var total = stats.Long("input_tokens"u8) ?? 0;
                var cached = stats.Long("cached"u8) ?? 0;
                var usage = new TokenUsage(stats.Long("input"u8) ?? Math.Max(0, total - cached), cached, 0, stats.Long("output_tokens"u8) ?? 0, 0);
                output.Add(new UsageReported(usage, null, FirstModel(stats.Obj("models"u8)) ?? root.Str("model"u8)));
            }
        }

        var error = root.Obj("error"u8);
        output.Add(root.Str("status"u8) == "success"
            ? new TurnCompleted(TurnOutcome.Succeeded, _replyText.Length > 0 ? _replyText.ToString() : null, null)
            : new TurnCompleted(TurnOutcome.Failed, null, FailureReason(error?.Str("type"u8), error?.Str("message"u8)),
                Summary.OneLine(error?.Str("message"u8) ?? "gemini reported an error", Summary.OutputMax)));
        _turnOpen = false;
        _turnsCompleted++;
        _replyText.Clear();
    }

    private static string FailureReason(string? errorType, string? message) => errorType switch
    {
        _ when ModelRejections.IsRejection(null, errorType, message) => FailureReasons.ModelRejected,
        not null when errorType.Contains("Auth", StringComparison.OrdinalIgnoreCase) => FailureReasons.Auth,
        not null when errorType.Contains("TurnLimit", StringComparison.OrdinalIgnoreCase) => FailureReasons.MaxTurns,
        not null when errorType.Contains("Config", StringComparison.OrdinalIgnoreCase) => FailureReasons.Config,
        _ => FailureReasons.ApiError,
    };

    private static string? FirstModel(TapeElement? models)
    {
        if (models is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var model in map.EnumerateObject())
            {
                return model.Name;
            }
        }

        return null;
    }
}
