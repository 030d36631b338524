using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Codex;

/// <summary>Codex token counts in AgentDeck's buckets: its input count includes the cached part, so fresh input is the difference.</summary>
internal static class CodexUsage
{
    /// <summary><c>exec --json</c> <c>turn.completed.usage</c> (snake_case).</summary>
    public static TokenUsage FromExec(TapeElement usage) => Buckets(
        usage.Long("input_tokens"u8), usage.Long("cached_input_tokens"u8), usage.Long("cache_write_input_tokens"u8),
        usage.Long("output_tokens"u8), usage.Long("reasoning_output_tokens"u8));

    /// <summary>The first count of an <c>exec --json</c> usage that is not a count, named; null when all are.</summary>
    public static string? ExecProblem(TapeElement usage) => TokenCounts.Problem(usage, "usage",
        "input_tokens", "cached_input_tokens", "cache_write_input_tokens", "output_tokens", "reasoning_output_tokens");

    /// <summary>The first count of an app-server token total that is not a count, named; null when all are.</summary>
    public static string? AppServerProblem(TapeElement usage) => TokenCounts.Problem(usage, "tokenUsage.total",
        "inputTokens", "cachedInputTokens", "cacheWriteInputTokens", "outputTokens", "reasoningOutputTokens");

    /// <summary>App-server <c>tokenUsage.total</c> / <c>tokenUsage.last</c> (camelCase).</summary>
    public static TokenUsage FromAppServer(TapeElement usage) => Buckets(
        usage.Long("inputTokens"u8), usage.Long("cachedInputTokens"u8), usage.Long("cacheWriteInputTokens"u8),
        usage.Long("outputTokens"u8), usage.Long("reasoningOutputTokens"u8));

    private static TokenUsage Buckets(long? input, long? cached, long? cacheWrite, long? output, long? reasoning)
    {
        var cachedRead = cached ?? 0;
        return new TokenUsage(Math.Max(0, (input ?? 0) - cachedRead), cachedRead, cacheWrite ?? 0, output ?? 0, reasoning ?? 0);
    }
}
