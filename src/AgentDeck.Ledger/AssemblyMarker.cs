namespace AgentDeck.Ledger;

internal static class AssemblyMarker;
