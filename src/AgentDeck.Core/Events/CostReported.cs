namespace AgentDeck.Core.Events;

/// <summary>
/// Money spent, as the agent itself computed it. <see cref="TurnUsd"/> is this turn's own cost (Claude's
/// <c>total_cost_usd</c> is session-cumulative, so the parser takes the difference); <see cref="CumulativeUsd"/>
/// is the session total where the agent reports one.
/// </summary>
public sealed record CostReported(decimal TurnUsd, decimal? CumulativeUsd) : AgentEvent
{
    public override string Kind => EventKinds.Cost;
}
