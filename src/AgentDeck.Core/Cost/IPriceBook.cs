using AgentDeck.Core.Events;

namespace AgentDeck.Core.Cost;

/// <summary>Prices tokens for agents that report none (Codex, Gemini). Null means "cost unknown", never zero.</summary>
public interface IPriceBook
{
    decimal? Price(string? model, TokenUsage usage);
}
