namespace AgentDeck.Core.Cost;

/// <summary>The stable names of <see cref="CostEstimate"/> (ledger, <c>--json</c>) and the words shown beside a cost.</summary>
public static class CostEstimates
{
    public static string? ToName(this CostEstimate estimate) => estimate switch
    {
        CostEstimate.FamilyPrice => "family_price",
        CostEstimate.CutShortTurn => "cut_short_turn",
        _ => null,
    };

    public static CostEstimate Parse(string? name) => name switch
    {
        "family_price" => CostEstimate.FamilyPrice,
        "cut_short_turn" => CostEstimate.CutShortTurn,
        _ => CostEstimate.None,
    };

    /// <summary>What a person reads after "~$0.42": the reason the figure is not exact.</summary>
    public static string Describe(this CostEstimate estimate) => estimate switch
    {
        CostEstimate.FamilyPrice => "family price",
        CostEstimate.CutShortTurn => "estimate: a turn was cut short",
        _ => "",
    };

    /// <summary>The stronger reason of two: a cut-short turn says more than a family price.</summary>
    public static CostEstimate Combine(CostEstimate a, CostEstimate b) => (CostEstimate)Math.Max((int)a, (int)b);
}
