namespace AgentDeck.Core.Routing;

/// <summary>A way to run a model that this machine really has: the agent, the model id and the profile that selects it.</summary>
public sealed record RoutingCandidate(AgentKind Agent, string Model, string? Profile)
{
    public override string ToString() => Profile is null ? $"{Agent.ToName()}/{Model}" : $"{Agent.ToName()}/{Model} ({Profile})";
}
