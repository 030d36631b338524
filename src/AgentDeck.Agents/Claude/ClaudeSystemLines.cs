using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Claude;

/// <summary>The <c>system</c> lines other than <c>init</c>: retries and denials are events, the rest notices or notes.</summary>
internal static class ClaudeSystemLines
{
    /// <summary>Subtypes a person wants to see (they explain what the agent did); all others are protocol notes.</summary>
    private static readonly HashSet<string> NoticeSubtypes = new(StringComparer.Ordinal)
    {
        "informational", "compact_boundary", "model_fallback", "model_refusal_fallback", "notification", "local_command",
    };

    public static AgentEvent Read(string? subtype, TapeElement root, ClaudeToolTracker tools)
    {
        switch (subtype)
        {
            case "api_retry":
                return new ApiRetry(root.Int("attempt"u8) ?? 0, root.Int("max_retries"u8), root.Int("error_status"u8),
                    root.Str("error"u8), root.Int("retry_delay_ms"u8));
            case "permission_denied":
                var id = root.Id("tool_use_id"u8);
                return tools.MarkDenied(id)
                    ? new PermissionDenied(root.Str("tool_name"u8) ?? "unknown", id,
                        Summary.OneLine(root.Str("message"u8) ?? root.Str("decision_reason"u8), Summary.OutputMax))
                    : new ProtocolNote("system/permission_denied", "already reported");
            case not null when NoticeSubtypes.Contains(subtype):
                var text = root.Str("content"u8) ?? root.Str("message"u8) ?? root.Str("text"u8) ?? subtype;
                return new Notice(root.Str("level"u8) ?? "info", Summary.OneLine(text, Summary.OutputMax),
                    "claude/" + (root.Str("tag"u8) ?? subtype));
            default:
                return new ProtocolNote("system/" + (subtype ?? "unknown"), Detail(subtype, root));
        }
    }

    private static string? Detail(string? subtype, TapeElement root) => subtype switch
    {
        "status" => root.Str("status"u8) ?? root.Str("permissionMode"u8),
        "task_started" => Summary.OneLine(root.Str("description"u8), Summary.InputMax),
        "task_notification" => Summary.OneLine($"{root.Str("status"u8)}: {root.Str("summary"u8)}", Summary.InputMax),
        "thinking_tokens" => root.Long("estimated_tokens"u8)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
