namespace AgentDeck.Core.Secrets;

/// <summary>
/// Exceptions to a rule (or to every rule): a candidate whose secret, match or line (<see cref="Target"/>) matches one
/// of <see cref="Regexes"/>, or whose secret contains one of <see cref="StopWords"/> (any case), is not a secret.
/// </summary>
public sealed record SecretAllowlist(IReadOnlyList<string> Regexes, IReadOnlyList<string> StopWords, SecretAllowTarget Target = SecretAllowTarget.Secret);
