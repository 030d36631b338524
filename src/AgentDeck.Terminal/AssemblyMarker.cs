namespace AgentDeck.Terminal;

internal static class AssemblyMarker;
