using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>
/// Writes an event's payload exactly as <see cref="EventJson.Options"/> would (discriminator <c>kind</c> first, then the
/// record's properties in declaration order, snake_case names, nulls left out, enums as snake_case names), without the
/// serializer's polymorphic metadata path: every ingested event goes through here, and the serializer cost several
/// times the write itself. Types it does not know (none today) return false so the caller falls back to the serializer.
/// EventPayloadWriterTests compares both byte for byte.
/// </summary>
internal static class EventPayloadWriter
{
    public static bool TryWrite(Utf8JsonWriter w, AgentEvent e)
    {
        switch (e)
        {
            case AssistantText t:
                Start(w, PayloadNames.AssistantText);
                Str(w, PayloadNames.Text, t.Text);
                w.WriteBoolean(PayloadNames.IsDelta, t.IsDelta);
                Str(w, PayloadNames.MessageId, t.MessageId);
                break;
            case ProtocolNote n:
                Start(w, PayloadNames.ProtocolNote);
                Str(w, PayloadNames.Type, n.Type);
                Str(w, PayloadNames.Detail, n.Detail);
                break;
            case ToolCallStarted s:
                Start(w, PayloadNames.ToolCallStarted);
                Str(w, PayloadNames.CallId, s.CallId);
                Str(w, PayloadNames.Name, s.Name);
                Str(w, PayloadNames.InputSummary, s.InputSummary);
                Strings(w, PayloadNames.Paths, s.Paths);
                break;
            case ToolCallFinished f:
                Start(w, PayloadNames.ToolCallFinished);
                Str(w, PayloadNames.CallId, f.CallId);
                Str(w, PayloadNames.Name, f.Name);
                Str(w, PayloadNames.OutputSummary, f.OutputSummary);
                w.WriteBoolean(PayloadNames.IsError, f.IsError);
                Strings(w, PayloadNames.Paths, f.Paths);
                break;
            case Thinking t:
                Start(w, PayloadNames.Thinking);
                Str(w, PayloadNames.Text, t.Text);
                w.WriteBoolean(PayloadNames.IsDelta, t.IsDelta);
                break;
            case UserMessage m:
                Start(w, PayloadNames.UserMessage);
                Str(w, PayloadNames.Text, m.Text);
                w.WriteBoolean(PayloadNames.IsSynthetic, m.IsSynthetic);
                break;
            case SessionStarted s:
                Start(w, PayloadNames.SessionStarted);
                Str(w, PayloadNames.SessionId, s.SessionId);
                Str(w, PayloadNames.Model, s.Model);
                Str(w, PayloadNames.Cwd, s.Cwd);
                Strings(w, PayloadNames.Tools, s.Tools);
                break;
            case TurnStarted t:
                Start(w, PayloadNames.TurnStarted);
                Str(w, PayloadNames.TurnId, t.TurnId);
                break;
            case UsageReported u:
                Start(w, PayloadNames.Usage);
                Tokens(w, PayloadNames.Turn, u.Turn);
                if (u.Cumulative is { } cumulative)
                {
                    Tokens(w, PayloadNames.Cumulative, cumulative);
                }

                Str(w, PayloadNames.Model, u.Model);
                break;
            case CostReported c:
                Start(w, PayloadNames.Cost);
                w.WriteNumber(PayloadNames.TurnUsd, c.TurnUsd);
                if (c.CumulativeUsd is { } cumulativeUsd)
                {
                    w.WriteNumber(PayloadNames.CumulativeUsd, cumulativeUsd);
                }

                break;
            case TurnCompleted t:
                Start(w, PayloadNames.TurnCompleted);
                Outcome(w, t.Outcome);
                Str(w, PayloadNames.FinalText, t.FinalText);
                Str(w, PayloadNames.Reason, t.Reason);
                Str(w, PayloadNames.Detail, t.Detail);
                break;
            case PermissionRequested p:
                Start(w, PayloadNames.PermissionRequested);
                Str(w, PayloadNames.RequestId, p.RequestId);
                Str(w, PayloadNames.ToolName, p.ToolName);
                Str(w, PayloadNames.InputSummary, p.InputSummary);
                Str(w, PayloadNames.Reason, p.Reason);
                break;
            case PermissionDenied d:
                Start(w, PayloadNames.PermissionDenied);
                Str(w, PayloadNames.ToolName, d.ToolName);
                Str(w, PayloadNames.CallId, d.CallId);
                Str(w, PayloadNames.Message, d.Message);
                break;
            case ApiRetry r:
                Start(w, PayloadNames.ApiRetry);
                w.WriteNumber(PayloadNames.Attempt, r.Attempt);
                Int(w, PayloadNames.MaxRetries, r.MaxRetries);
                Int(w, PayloadNames.HttpStatus, r.HttpStatus);
                Str(w, PayloadNames.Error, r.Error);
                Int(w, PayloadNames.DelayMs, r.DelayMs);
                break;
            case ApiError a:
                Start(w, PayloadNames.ApiError);
                Int(w, PayloadNames.HttpStatus, a.HttpStatus);
                Str(w, PayloadNames.ErrorType, a.ErrorType);
                Str(w, PayloadNames.Message, a.Message);
                break;
            case Notice n:
                Start(w, PayloadNames.Notice);
                Str(w, PayloadNames.Level, n.Level);
                Str(w, PayloadNames.Message, n.Message);
                Str(w, PayloadNames.Source, n.Source);
                break;
            case Unparsed u:
                Start(w, PayloadNames.Unparsed);
                Str(w, PayloadNames.Raw, u.Raw);
                Str(w, PayloadNames.Reason, u.Reason);
                break;
            default:
                return false;
        }

        w.WriteEndObject();
        return true;
    }

    private static void Start(Utf8JsonWriter w, JsonEncodedText kind)
    {
        w.WriteStartObject();
        w.WriteString(PayloadNames.Kind, kind);
    }

    private static void Str(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Int(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }

    private static void Strings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count >= RepeatedListJson.MinimumCount && !w.Options.Indented)
        {
            // An indented writer would indent the array; a raw value keeps the bytes it is given.
            w.WritePropertyName(name);
            w.WriteRawValue(RepeatedListJson.For(values, w.Options.Encoder).Json, skipInputValidation: true);
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                w.WriteStringValue(value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    private static void Tokens(Utf8JsonWriter w, JsonEncodedText name, TokenUsage u)
    {
        w.WriteStartObject(name);
        w.WriteNumber(PayloadNames.Input, u.Input);
        w.WriteNumber(PayloadNames.CachedInput, u.CachedInput);
        w.WriteNumber(PayloadNames.CacheWrite, u.CacheWrite);
        w.WriteNumber(PayloadNames.Output, u.Output);
        w.WriteNumber(PayloadNames.Reasoning, u.Reasoning);
        w.WriteEndObject();
    }

    private static void Outcome(Utf8JsonWriter w, TurnOutcome outcome)
    {
        switch (outcome)
        {
            case TurnOutcome.Succeeded:
                w.WriteString(PayloadNames.Outcome, PayloadNames.Succeeded);
                break;
            case TurnOutcome.Failed:
                w.WriteString(PayloadNames.Outcome, PayloadNames.Failed);
                break;
            case TurnOutcome.Interrupted:
                w.WriteString(PayloadNames.Outcome, PayloadNames.Interrupted);
                break;
            default:
                // The enum converter writes values without a name as numbers.
                w.WriteNumber(PayloadNames.Outcome, (int)outcome);
                break;
        }
    }
}
