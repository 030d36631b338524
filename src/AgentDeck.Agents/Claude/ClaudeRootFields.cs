using AgentDeck.Agents.Parsing;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// The top-level fields <see cref="ClaudeStreamParser"/> reads from its two biggest line types: <c>system</c> (init is
/// 3–20 KB of tools, slash commands, skills, plugins, agents) and <c>result</c> (timings, subagent stats). Everything else
/// in those lines is never looked at, so the parser's document is built from these fields only. Adding a read of
/// another top-level field of these types means adding it here (ClaudeFastPathTests compares both paths).
/// </summary>
internal static class ClaudeRootFields
{
    public static RootFieldSets Sets { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["system"] =
        [
            "subtype", "session_id", "model", "cwd", "tools", // init
            "attempt", "max_retries", "error_status", "error", "retry_delay_ms", // api_retry
            "tool_use_id", "tool_name", "message", "decision_reason", // permission_denied
            "content", "text", "level", "tag", // notices
            "status", "permissionMode", "description", "summary", "estimated_tokens", // protocol note details
        ],
        ["result"] =
        [
            "subtype", "is_error", "result", "terminal_reason", "errors", "api_error_status", "api_error_type",
            "session_id", "usage", "modelUsage", "model_usage_since_last_result", "total_cost_usd", "permission_denials",
        ],
    });
}
