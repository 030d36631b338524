namespace AgentDeck.Supervision;

internal static class AssemblyMarker;
