using System.Globalization;
using System.Text;
using System.Text.Unicode;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// Reads Claude Code's plain <c>--output-format text</c>: the final reply, line by line. An API failure is printed to
/// stdout as <c>API Error: …</c> with exit 1. The exit code decides the turn in <see cref="Complete"/>.
/// </summary>
public sealed class ClaudeTextParser : IAgentStreamParser
{
    private const string ApiErrorPrefix = "API Error";
    private readonly StringBuilder _text = new();
    private ApiError? _apiError;
    private bool _sawOutput;
    private bool _completed;

    public AgentKind Agent => AgentKind.Claude;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output)
    {
        if (line.Length > JsonLines.MaxLineBytes)
        {
            output.Add(new Unparsed(JsonLines.Decode(line[..(64 * 1024)]), "line too long (limit 8 MiB); not parsed"));
            return;
        }

        if (!Utf8.IsValid(line))
        {
            output.Add(new Unparsed(JsonLines.Decode(line), "invalid UTF-8"));
            return;
        }

        var text = JsonLines.Decode(line);
        if (!_sawOutput && string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (!_sawOutput && text.StartsWith(ApiErrorPrefix, StringComparison.Ordinal))
        {
            _apiError = new ApiError(HttpStatus(text), null, Summary.OneLine(text, Summary.OutputMax));
            output.Add(_apiError);
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            _text.Append('\n');
            return;
        }
        else
        {
            output.Add(new AssistantText(text + "\n", true));
        }

        _sawOutput = true;
        _text.Append(text).Append('\n');
    }

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var reply = _text.ToString().TrimEnd('\n');
        if (exitCode == 0 && _apiError is null)
        {
            output.Add(new TurnCompleted(TurnOutcome.Succeeded, reply, null));
        }
        else if (_apiError is not null)
        {
            output.Add(new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.ApiError, _apiError.Message));
        }
        else if (_sawOutput || exitCode is not (null or 0))
        {
            output.Add(ExitCodes.IsStoppedBySignal(exitCode)
                ? new TurnCompleted(TurnOutcome.Interrupted, null, FailureReasons.Aborted, ExitCodes.Describe(exitCode))
                : new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash, $"claude exited with {ExitCodes.Describe(exitCode)}"));
        }
    }

    /// <summary>The status in "API Error: 500 …" or "API Error: Request rejected (429) · …".</summary>
    private static int? HttpStatus(string text)
    {
        var rest = text.AsSpan(ApiErrorPrefix.Length).TrimStart(':').TrimStart();
        if (rest.Length >= 3 && int.TryParse(rest[..3], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        return open >= 0 && open + 4 < text.Length && text[open + 4] == ')' &&
               int.TryParse(text.AsSpan(open + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out code)
            ? code
            : null;
    }
}
