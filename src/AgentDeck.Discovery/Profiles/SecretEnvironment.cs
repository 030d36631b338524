namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// Environment variables a profile sets, secrets included. Kept out of JSON and printed redacted, so that a profile
/// can be listed or logged without leaking a key; only <see cref="ProfileApplier"/> reads the values.
/// </summary>
public sealed class SecretEnvironment
{
    private readonly IReadOnlyDictionary<string, string> values;

    public SecretEnvironment(IReadOnlyDictionary<string, string> values)
    {
        this.values = values;
    }

    public static SecretEnvironment Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyList<string> Names => values.Keys.Order(StringComparer.Ordinal).ToList();

    public int Count => values.Count;

    internal IReadOnlyDictionary<string, string> Values => values;

    public string? NonSecretValue(string name) =>
        !SecretNames.IsSecret(name) && values.TryGetValue(name, out var value) ? value : null;

    public bool HasValue(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value);

    public override string ToString() => $"({values.Count} variables, values hidden)";
}
