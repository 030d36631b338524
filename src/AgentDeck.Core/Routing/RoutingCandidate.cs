namespace AgentDeck.Core.Routing;

/// <summary>A way to run a model that this machine really has: the agent, the model id and the profile that selects it.</summary>
public sealed record RoutingCandidate(AgentKind Agent, string Model, string? Profile)
{
    /// <summary>What the reason line should add about how this candidate runs (e.g. a simulated stand-in); null for none.</summary>
    public string? Note { get; init; }

    public override string ToString() => Profile is null ? $"{Agent.ToName()}/{Model}" : $"{Agent.ToName()}/{Model} ({Profile})";
}
