namespace AgentDeck.Toml;

internal static class AssemblyMarker;
