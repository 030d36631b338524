namespace AgentDeck.Secrets;

/// <summary>A rule file that cannot be used; the message names the file, the line and the problem, on one line.</summary>
public sealed class SecretRuleFileException(string message, Exception? innerException = null) : Exception(message, innerException);
