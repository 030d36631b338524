namespace AgentDeck.Processes;

internal static class AssemblyMarker;
