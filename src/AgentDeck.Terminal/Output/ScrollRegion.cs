namespace AgentDeck.Terminal;

/// <summary>Rows Top..Bottom (inclusive) scrolled by Amount: positive moves content up, negative down.</summary>
internal readonly record struct ScrollRegion(int Top, int Bottom, int Amount);
