using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>
/// Payload openings (through the kind discriminator), property names and enum values, encoded once (see
/// <see cref="EventPayloadWriter"/>).
/// </summary>
internal static class PayloadNames
{
    public static readonly PayloadBytes AssistantText = PayloadBytes.Opening(EventKinds.AssistantText);
    public static readonly PayloadBytes ProtocolNote = PayloadBytes.Opening(EventKinds.ProtocolNote);
    public static readonly PayloadBytes ToolCallStarted = PayloadBytes.Opening(EventKinds.ToolCallStarted);
    public static readonly PayloadBytes ToolCallFinished = PayloadBytes.Opening(EventKinds.ToolCallFinished);
    public static readonly PayloadBytes Thinking = PayloadBytes.Opening(EventKinds.Thinking);
    public static readonly PayloadBytes UserMessage = PayloadBytes.Opening(EventKinds.UserMessage);
    public static readonly PayloadBytes SessionStarted = PayloadBytes.Opening(EventKinds.SessionStarted);
    public static readonly PayloadBytes TurnStarted = PayloadBytes.Opening(EventKinds.TurnStarted);
    public static readonly PayloadBytes Usage = PayloadBytes.Opening(EventKinds.Usage);
    public static readonly PayloadBytes Cost = PayloadBytes.Opening(EventKinds.Cost);
    public static readonly PayloadBytes TurnCompleted = PayloadBytes.Opening(EventKinds.TurnCompleted);
    public static readonly PayloadBytes PermissionRequested = PayloadBytes.Opening(EventKinds.PermissionRequested);
    public static readonly PayloadBytes PermissionDenied = PayloadBytes.Opening(EventKinds.PermissionDenied);
    public static readonly PayloadBytes ApiRetry = PayloadBytes.Opening(EventKinds.ApiRetry);
    public static readonly PayloadBytes ApiError = PayloadBytes.Opening(EventKinds.ApiError);
    public static readonly PayloadBytes Notice = PayloadBytes.Opening(EventKinds.Notice);
    public static readonly PayloadBytes Steer = PayloadBytes.Opening(EventKinds.Steer);
    public static readonly PayloadBytes Unparsed = PayloadBytes.Opening(EventKinds.Unparsed);
    public static readonly PayloadBytes Text = PayloadBytes.Member("text");
    public static readonly PayloadBytes IsDelta = PayloadBytes.Member("is_delta");
    public static readonly PayloadBytes MessageId = PayloadBytes.Member("message_id");
    public static readonly PayloadBytes Type = PayloadBytes.Member("type");
    public static readonly PayloadBytes Detail = PayloadBytes.Member("detail");
    public static readonly PayloadBytes CallId = PayloadBytes.Member("call_id");
    public static readonly PayloadBytes Name = PayloadBytes.Member("name");
    public static readonly PayloadBytes InputSummary = PayloadBytes.Member("input_summary");
    public static readonly PayloadBytes Paths = PayloadBytes.Member("paths");
    public static readonly PayloadBytes OutputSummary = PayloadBytes.Member("output_summary");
    public static readonly PayloadBytes IsError = PayloadBytes.Member("is_error");
    public static readonly PayloadBytes IsSynthetic = PayloadBytes.Member("is_synthetic");
    public static readonly PayloadBytes Estimated = PayloadBytes.Member("estimated");
    public static readonly PayloadBytes SessionId = PayloadBytes.Member("session_id");
    public static readonly PayloadBytes Model = PayloadBytes.Member("model");
    public static readonly PayloadBytes Cwd = PayloadBytes.Member("cwd");
    public static readonly PayloadBytes Tools = PayloadBytes.Member("tools");
    public static readonly PayloadBytes TurnId = PayloadBytes.Member("turn_id");
    public static readonly PayloadBytes Turn = PayloadBytes.Member("turn");
    public static readonly PayloadBytes Cumulative = PayloadBytes.Member("cumulative");
    public static readonly PayloadBytes TurnUsd = PayloadBytes.Member("turn_usd");
    public static readonly PayloadBytes CumulativeUsd = PayloadBytes.Member("cumulative_usd");
    public static readonly PayloadBytes FinalText = PayloadBytes.Member("final_text");
    public static readonly PayloadBytes Reason = PayloadBytes.Member("reason");
    public static readonly PayloadBytes RequestId = PayloadBytes.Member("request_id");
    public static readonly PayloadBytes ToolName = PayloadBytes.Member("tool_name");
    public static readonly PayloadBytes Message = PayloadBytes.Member("message");
    public static readonly PayloadBytes Attempt = PayloadBytes.Member("attempt");
    public static readonly PayloadBytes MaxRetries = PayloadBytes.Member("max_retries");
    public static readonly PayloadBytes HttpStatus = PayloadBytes.Member("http_status");
    public static readonly PayloadBytes Error = PayloadBytes.Member("error");
    public static readonly PayloadBytes DelayMs = PayloadBytes.Member("delay_ms");
    public static readonly PayloadBytes ErrorType = PayloadBytes.Member("error_type");
    public static readonly PayloadBytes Level = PayloadBytes.Member("level");
    public static readonly PayloadBytes Source = PayloadBytes.Member("source");
    public static readonly PayloadBytes From = PayloadBytes.Member("from");
    public static readonly PayloadBytes Raw = PayloadBytes.Member("raw");
    public static readonly PayloadBytes Input = PayloadBytes.Member("input");
    public static readonly PayloadBytes CachedInput = PayloadBytes.Member("cached_input");
    public static readonly PayloadBytes CacheWrite = PayloadBytes.Member("cache_write");
    public static readonly PayloadBytes Output = PayloadBytes.Member("output");
    public static readonly PayloadBytes Reasoning = PayloadBytes.Member("reasoning");
    public static readonly PayloadBytes Outcome = PayloadBytes.Member("outcome");
    public static readonly JsonEncodedText Succeeded = JsonEncodedText.Encode("succeeded");
    public static readonly JsonEncodedText Failed = JsonEncodedText.Encode("failed");
    public static readonly JsonEncodedText Interrupted = JsonEncodedText.Encode("interrupted");
}
