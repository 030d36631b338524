namespace AgentDeck.Core.Cost;

/// <summary>What the runs started on one UTC day cost: the known costs summed, and how many runs' cost is unknown.</summary>
public sealed record DaySpend(decimal Usd, int Runs, int UnknownCost)
{
    public static DaySpend None { get; } = new(0m, 0, 0);
}
