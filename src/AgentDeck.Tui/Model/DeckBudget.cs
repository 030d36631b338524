namespace AgentDeck.Tui.Model;

/// <summary>The cost guard's limits, from config; null limits are shown as "no limit".</summary>
public sealed record DeckBudget(decimal? BudgetUsd, int? MaxConcurrency)
{
    public static DeckBudget None { get; } = new(null, null);
}
