namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// Token figures a reply reports. Null fields take the per-API defaults that the reference transcripts were
/// captured with (Anthropic: 120 input, 30 cache write, 200 cache read; Responses: 2000 input, 1500 cached,
/// 70 output, 20 reasoning).
/// </summary>
public sealed record ScenarioUsage(
    int? InputTokens = null,
    int? OutputTokens = null,
    int? CacheCreationInputTokens = null,
    int? CacheReadInputTokens = null,
    int? ReasoningTokens = null);
