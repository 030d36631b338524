namespace AgentDeck.Core.Routing;

/// <summary>One routing decision as display text, ready for any table (TUI panel, CLI, Markdown).</summary>
public sealed record RoutingPlanRow(string Role, string Access, string Agent, string Model, string Profile, string Cost, string Fallback, string Reason);
