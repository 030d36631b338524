namespace AgentDeck.Terminal;

/// <summary>The full-screen terminal cannot be used here; the message names the problem and what to do instead.</summary>
public sealed class TerminalUnavailableException(string message) : Exception(message);
