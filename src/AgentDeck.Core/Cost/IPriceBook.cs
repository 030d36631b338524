using AgentDeck.Core.Events;

namespace AgentDeck.Core.Cost;

/// <summary>Prices tokens for agents that report none (Codex, Gemini). Null means "cost unknown", never zero.</summary>
public interface IPriceBook
{
    decimal? Price(string? model, TokenUsage usage);

    /// <summary>True when the model is priced only through its family (e.g. <c>claude-opus-*</c>): its cost is an estimate.</summary>
    bool IsFamilyPrice(string? model) => false;
}
