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
    public static bool TryWrite(ref CompactPayloadSink w, AgentEvent e)
    {
        switch (e)
        {
            case AssistantText t:
                w.Start(PayloadNames.AssistantText);
                w.String(PayloadNames.Text, t.Text);
                w.Boolean(PayloadNames.IsDelta, t.IsDelta);
                w.String(PayloadNames.MessageId, t.MessageId);
                break;
            case ProtocolNote n:
                w.Start(PayloadNames.ProtocolNote);
                w.String(PayloadNames.Type, n.Type);
                w.String(PayloadNames.Detail, n.Detail);
                break;
            case ToolCallStarted s:
                w.Start(PayloadNames.ToolCallStarted);
                w.String(PayloadNames.CallId, s.CallId);
                w.String(PayloadNames.Name, s.Name);
                w.String(PayloadNames.InputSummary, s.InputSummary);
                w.Strings(PayloadNames.Paths, s.Paths);
                break;
            case ToolCallFinished f:
                w.Start(PayloadNames.ToolCallFinished);
                w.String(PayloadNames.CallId, f.CallId);
                w.String(PayloadNames.Name, f.Name);
                w.String(PayloadNames.OutputSummary, f.OutputSummary);
                w.Boolean(PayloadNames.IsError, f.IsError);
                w.Strings(PayloadNames.Paths, f.Paths);
                break;
            case Thinking t:
                w.Start(PayloadNames.Thinking);
                w.String(PayloadNames.Text, t.Text);
                w.Boolean(PayloadNames.IsDelta, t.IsDelta);
                break;
            case UserMessage m:
                w.Start(PayloadNames.UserMessage);
                w.String(PayloadNames.Text, m.Text);
                w.Boolean(PayloadNames.IsSynthetic, m.IsSynthetic);
                break;
            case SessionStarted s:
                w.Start(PayloadNames.SessionStarted);
                w.String(PayloadNames.SessionId, s.SessionId);
                w.String(PayloadNames.Model, s.Model);
                w.String(PayloadNames.Cwd, s.Cwd);
                w.Strings(PayloadNames.Tools, s.Tools);
                break;
            case TurnStarted t:
                w.Start(PayloadNames.TurnStarted);
                w.String(PayloadNames.TurnId, t.TurnId);
                break;
            case UsageReported u:
                w.Start(PayloadNames.Usage);
                Tokens(ref w, PayloadNames.Turn, u.Turn);
                if (u.Cumulative is { } cumulative)
                {
                    Tokens(ref w, PayloadNames.Cumulative, cumulative);
                }

                w.String(PayloadNames.Model, u.Model);
                if (u.Estimated is { } estimated)
                {
                    w.Boolean(PayloadNames.Estimated, estimated);
                }

                break;
            case CostReported c:
                w.Start(PayloadNames.Cost);
                w.Number(PayloadNames.TurnUsd, c.TurnUsd);
                if (c.CumulativeUsd is { } cumulativeUsd)
                {
                    w.Number(PayloadNames.CumulativeUsd, cumulativeUsd);
                }

                break;
            case TurnCompleted t:
                w.Start(PayloadNames.TurnCompleted);
                Outcome(ref w, t.Outcome);
                w.String(PayloadNames.FinalText, t.FinalText);
                w.String(PayloadNames.Reason, t.Reason);
                w.String(PayloadNames.Detail, t.Detail);
                break;
            case PermissionRequested p:
                w.Start(PayloadNames.PermissionRequested);
                w.String(PayloadNames.RequestId, p.RequestId);
                w.String(PayloadNames.ToolName, p.ToolName);
                w.String(PayloadNames.InputSummary, p.InputSummary);
                w.String(PayloadNames.Reason, p.Reason);
                break;
            case PermissionDenied d:
                w.Start(PayloadNames.PermissionDenied);
                w.String(PayloadNames.ToolName, d.ToolName);
                w.String(PayloadNames.CallId, d.CallId);
                w.String(PayloadNames.Message, d.Message);
                break;
            case ApiRetry r:
                w.Start(PayloadNames.ApiRetry);
                w.Number(PayloadNames.Attempt, r.Attempt);
                Int(ref w, PayloadNames.MaxRetries, r.MaxRetries);
                Int(ref w, PayloadNames.HttpStatus, r.HttpStatus);
                w.String(PayloadNames.Error, r.Error);
                Int(ref w, PayloadNames.DelayMs, r.DelayMs);
                break;
            case ApiError a:
                w.Start(PayloadNames.ApiError);
                Int(ref w, PayloadNames.HttpStatus, a.HttpStatus);
                w.String(PayloadNames.ErrorType, a.ErrorType);
                w.String(PayloadNames.Message, a.Message);
                break;
            case Notice n:
                w.Start(PayloadNames.Notice);
                w.String(PayloadNames.Level, n.Level);
                w.String(PayloadNames.Message, n.Message);
                w.String(PayloadNames.Source, n.Source);
                break;
            case SteerSent steer:
                w.Start(PayloadNames.Steer);
                w.String(PayloadNames.Text, steer.Text);
                w.String(PayloadNames.From, steer.From);
                break;
            case Unparsed u:
                w.Start(PayloadNames.Unparsed);
                w.String(PayloadNames.Raw, u.Raw);
                w.String(PayloadNames.Reason, u.Reason);
                break;
            default:
                return false;
        }

        w.End();
        return true;
    }

    private static void Int(ref CompactPayloadSink w, PayloadBytes name, int? value)
    {
        if (value is { } number)
        {
            w.Number(name, number);
        }
    }

    private static void Tokens(ref CompactPayloadSink w, PayloadBytes name, TokenUsage u)
    {
        w.StartNested(name);
        w.Number(PayloadNames.Input, u.Input);
        w.Number(PayloadNames.CachedInput, u.CachedInput);
        w.Number(PayloadNames.CacheWrite, u.CacheWrite);
        w.Number(PayloadNames.Output, u.Output);
        w.Number(PayloadNames.Reasoning, u.Reasoning);
        w.EndNested();
    }

    private static void Outcome(ref CompactPayloadSink w, TurnOutcome outcome)
    {
        switch (outcome)
        {
            case TurnOutcome.Succeeded:
                w.Encoded(PayloadNames.Outcome, PayloadNames.Succeeded);
                break;
            case TurnOutcome.Failed:
                w.Encoded(PayloadNames.Outcome, PayloadNames.Failed);
                break;
            case TurnOutcome.Interrupted:
                w.Encoded(PayloadNames.Outcome, PayloadNames.Interrupted);
                break;
            default:
                // The enum converter writes values without a name as numbers.
                w.Number(PayloadNames.Outcome, (int)outcome);
                break;
        }
    }
}
