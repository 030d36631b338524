namespace AgentDeck.Discovery;

internal static class AssemblyMarker;
