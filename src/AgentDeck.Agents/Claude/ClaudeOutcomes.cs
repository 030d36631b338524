using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// How a Claude <c>result</c> line ended the turn. <c>is_error</c> decides success (an API failure still says
/// <c>subtype:"success"</c>); <c>terminal_reason</c>, then <c>subtype</c>, name the failure.
/// </summary>
internal static class ClaudeOutcomes
{
    private static readonly Dictionary<string, (TurnOutcome Outcome, string Reason)> ByTerminalReason = new(StringComparer.Ordinal)
    {
        ["api_error"] = (TurnOutcome.Failed, FailureReasons.ApiError),
        ["prompt_too_long"] = (TurnOutcome.Failed, FailureReasons.PromptTooLong),
        ["max_turns"] = (TurnOutcome.Failed, FailureReasons.MaxTurns),
        ["budget_exhausted"] = (TurnOutcome.Failed, FailureReasons.Budget),
        ["aborted_tools"] = (TurnOutcome.Interrupted, FailureReasons.Aborted),
        ["aborted_streaming"] = (TurnOutcome.Interrupted, FailureReasons.Aborted),
        ["aborted"] = (TurnOutcome.Interrupted, FailureReasons.Aborted),
    };

    private static readonly Dictionary<string, (TurnOutcome Outcome, string Reason)> BySubtype = new(StringComparer.Ordinal)
    {
        ["error_max_turns"] = (TurnOutcome.Failed, FailureReasons.MaxTurns),
        ["error_max_budget_usd"] = (TurnOutcome.Failed, FailureReasons.Budget),
        ["error_during_execution"] = (TurnOutcome.Interrupted, FailureReasons.Aborted),
    };

    public static TurnCompleted Read(TapeElement result)
    {
        var subtype = result.Str("subtype"u8);
        var isError = result.Bool("is_error"u8) ?? (subtype is not null && subtype != "success");
        var text = result.Str("result"u8);
        if (!isError)
        {
            return new TurnCompleted(TurnOutcome.Succeeded, text, null);
        }

        var detail = Detail(result, text);
        if (result.Str("terminal_reason"u8) is { } terminal && ByTerminalReason.TryGetValue(terminal, out var known))
        {
            return new TurnCompleted(known.Outcome, null, known.Reason == FailureReasons.ApiError ? ApiFailure(result, text) : known.Reason, detail);
        }

        if (subtype is not null && BySubtype.TryGetValue(subtype, out known))
        {
            return new TurnCompleted(known.Outcome, null, known.Reason, detail);
        }

        var reason = result.Prop("api_error_status"u8) is { ValueKind: JsonValueKind.Number } ? ApiFailure(result, text) : FailureReasons.Crash;
        return new TurnCompleted(TurnOutcome.Failed, null, reason, detail);
    }

    /// <summary><c>model_rejected</c> when the API refused the model itself (404 not_found_error), else <c>api_error</c>.</summary>
    private static string ApiFailure(TapeElement result, string? text) =>
        ModelRejections.Reason(result.Int("api_error_status"u8), result.Str("api_error_type"u8), text);

    private static string? Detail(TapeElement result, string? text)
    {
        var errors = result.Strings("errors"u8);
        var joined = errors.Count > 0 ? string.Join("; ", errors) : text;
        return string.IsNullOrWhiteSpace(joined) ? result.Str("terminal_reason"u8) ?? result.Str("subtype"u8) : Summary.OneLine(joined, Summary.OutputMax);
    }
}
