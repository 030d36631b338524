namespace AgentDeck.Core.Events;

/// <summary>The stable names of event kinds, as stored in the ledger and printed by <c>agentdeck parse</c>.</summary>
public static class EventKinds
{
    public const string SessionStarted = "session_started";
    public const string TurnStarted = "turn_started";
    public const string UserMessage = "user_message";
    public const string AssistantText = "assistant_text";
    public const string Thinking = "thinking";
    public const string ToolCallStarted = "tool_call_started";
    public const string ToolCallFinished = "tool_call_finished";
    public const string PermissionRequested = "permission_requested";
    public const string PermissionDenied = "permission_denied";
    public const string Usage = "usage";
    public const string Cost = "cost";
    public const string ApiRetry = "api_retry";
    public const string ApiError = "api_error";
    public const string Notice = "notice";
    public const string Steer = "steer";
    public const string TurnCompleted = "turn_completed";
    public const string ProtocolNote = "protocol";
    public const string Unparsed = "unparsed";

    public static IReadOnlyList<string> All { get; } =
    [
        SessionStarted, TurnStarted, UserMessage, AssistantText, Thinking, ToolCallStarted, ToolCallFinished,
        PermissionRequested, PermissionDenied, Usage, Cost, ApiRetry, ApiError, Notice, Steer, TurnCompleted, ProtocolNote, Unparsed,
    ];
}
