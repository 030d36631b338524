namespace AgentDeck.Core.Routing;

/// <summary>A model an agent refused, and why (the reason routing shows).</summary>
public sealed record RejectedModel(AgentKind Agent, string Model, string Reason);
