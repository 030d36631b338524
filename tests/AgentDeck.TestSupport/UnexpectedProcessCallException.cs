namespace AgentDeck.TestSupport;

/// <summary>Thrown by <see cref="FakeProcessRunner"/> when the code under test starts a process the test did not expect.</summary>
public sealed class UnexpectedProcessCallException(string message) : Exception(message);
