namespace AgentDeck.Core.Cost;

/// <summary>Why a run's cost is an estimate rather than a figure the agent reported or a listed price gave.</summary>
public enum CostEstimate
{
    /// <summary>Not an estimate: the agent's own figure, or tokens priced at their model's listed price.</summary>
    None,

    /// <summary>Some tokens were priced at their model family's price: the exact version is not in the price table.</summary>
    FamilyPrice,

    /// <summary>A turn was cut short before the agent reported it: its tokens come from the live stream, priced by AgentDeck.</summary>
    CutShortTurn,
}
