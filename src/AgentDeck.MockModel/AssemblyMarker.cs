namespace AgentDeck.MockModel;

internal static class AssemblyMarker;
