using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Claude;

/// <summary>Claude's token figures in AgentDeck's non-overlapping buckets.</summary>
internal static class ClaudeUsage
{
    /// <summary>The Anthropic <c>usage</c> shape (<c>result.usage</c> is this turn's own sum).</summary>
    public static TokenUsage FromUsage(TapeElement usage) => new(
        Input: usage.Long("input_tokens"u8) ?? 0,
        CachedInput: usage.Long("cache_read_input_tokens"u8) ?? 0,
        CacheWrite: usage.Long("cache_creation_input_tokens"u8) ?? 0,
        Output: usage.Long("output_tokens"u8) ?? 0,
        Reasoning: usage.Obj("output_tokens_details"u8)?.Long("thinking_tokens"u8) ?? 0);

    /// <summary>The first token count of a result's <c>usage</c> or <c>modelUsage</c> that is not a count, named; null when all are.</summary>
    public static string? Problem(TapeElement? usage, TapeElement? modelMap)
    {
        if (usage is { } turn && TokenCounts.Problem(turn, "usage", "input_tokens", "cache_read_input_tokens",
                "cache_creation_input_tokens", "output_tokens", "output_tokens_details.thinking_tokens") is { } problem)
        {
            return problem;
        }

        if (modelMap is { ValueKind: JsonValueKind.Object } models)
        {
            foreach (var model in models.EnumerateObject())
            {
                if (TokenCounts.Bad(model.Value, "inputTokens", "cacheReadInputTokens", "cacheCreationInputTokens", "outputTokens",
                        "thinkingTokens") is { } inModel)
                {
                    return $"modelUsage.{model.Name}.{inModel}";
                }
            }
        }

        return null;
    }

    /// <summary>The sum over a <c>modelUsage</c>-shaped map (model id → camelCase counts); null when the map is absent or empty.</summary>
    public static TokenUsage? SumModelMap(TapeElement? map)
    {
        if (map is not { ValueKind: JsonValueKind.Object } models)
        {
            return null;
        }

        var sum = TokenUsage.Zero;
        var any = false;
        foreach (var model in models.EnumerateObject())
        {
            var m = model.Value;
            sum += new TokenUsage(
                m.Long("inputTokens"u8) ?? 0,
                m.Long("cacheReadInputTokens"u8) ?? 0,
                m.Long("cacheCreationInputTokens"u8) ?? 0,
                m.Long("outputTokens"u8) ?? 0,
                m.Long("thinkingTokens"u8) ?? 0);
            any = true;
        }

        return any ? sum : null;
    }

    /// <summary>Each bucket's larger figure of the two (the second may be absent).</summary>
    public static TokenUsage Larger(TokenUsage a, TokenUsage? b) => b is not { } other ? a : new(
        Math.Max(a.Input, other.Input), Math.Max(a.CachedInput, other.CachedInput), Math.Max(a.CacheWrite, other.CacheWrite),
        Math.Max(a.Output, other.Output), Math.Max(a.Reasoning, other.Reasoning));

    /// <summary>The sum of <c>costUSD</c> over a model map; null when the map is absent.</summary>
    public static decimal? SumModelCost(TapeElement? map)
    {
        if (map is not { ValueKind: JsonValueKind.Object } models)
        {
            return null;
        }

        var sum = 0m;
        foreach (var model in models.EnumerateObject())
        {
            sum += model.Value.Dec("costUSD"u8) ?? 0m;
        }

        return sum;
    }

    /// <summary>The only model of a map, when it has exactly one.</summary>
    public static string? SingleModel(TapeElement? map)
    {
        if (map is not { ValueKind: JsonValueKind.Object } models)
        {
            return null;
        }

        string? only = null;
        foreach (var model in models.EnumerateObject())
        {
            if (only is not null)
            {
                return null;
            }

            only = model.Name;
        }

        return only;
    }
}
