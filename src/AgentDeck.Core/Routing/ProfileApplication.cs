namespace AgentDeck.Core.Routing;

/// <summary>
/// How to put one worker on a profile without touching the user's files: environment variables and extra CLI
/// arguments for that worker alone. <see cref="SecretNames"/> lists the variables whose values must never be shown.
/// </summary>
public sealed record ProfileApplication(
    AgentKind Agent,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Arguments,
    IReadOnlySet<string> SecretNames)
{
    public static ProfileApplication Nothing(AgentKind agent) =>
        new(agent, new Dictionary<string, string>(), [], new HashSet<string>());

    /// <summary>Redacted, so logging an application never leaks a key.</summary>
    public override string ToString() =>
        $"{Agent.ToName()}: env [{string.Join(", ", Environment.Keys.Select(key => SecretNames.Contains(key) ? key + "=***" : key + "=" + Environment[key]))}] args [{string.Join(" ", Arguments)}]";
}
