namespace AgentDeck.MockModel;

/// <summary>The server cannot start with the given options; the message says why and what to change.</summary>
public sealed class MockModelException(string message, Exception? inner = null) : Exception(message, inner);
