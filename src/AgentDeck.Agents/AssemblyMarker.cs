namespace AgentDeck.Agents;

internal static class AssemblyMarker;
