namespace AgentDeck.Supervision.Control;

/// <summary>No supervisor answers on a run's control socket (none was started, or it died).</summary>
public sealed class ControlUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
