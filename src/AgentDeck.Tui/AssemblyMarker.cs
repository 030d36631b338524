namespace AgentDeck.Tui;

internal static class AssemblyMarker;
