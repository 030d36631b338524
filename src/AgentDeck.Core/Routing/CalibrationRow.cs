namespace AgentDeck.Core.Routing;

/// <summary>One line of <c>agentdeck calibrate</c>: what the ledger learned about a role on an agent and model.</summary>
public sealed record CalibrationRow(string Role, AgentKind Agent, string Model, CalibrationStats Stats, bool Trusted);
