namespace AgentDeck.MockModel.Logging;

/// <summary>
/// Request headers whose values are credentials; the request log keeps their names and an Authorization header's
/// scheme, never the value (a user rehearsing with a real key must not find it on disk).
/// </summary>
public static class SecretHeaders
{
    public const string Mask = "***";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-api-key", "authorization", "proxy-authorization", "api-key", "x-goog-api-key", "cookie",
    };

    public static bool IsSecret(string name) => Names.Contains(name);

    /// <summary>The value as it may be logged: masked for a credential header (<c>Bearer ***</c>), else unchanged.</summary>
    public static string Masked(string name, string value)
    {
        if (!IsSecret(name))
        {
            return value;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? string.Concat(value.AsSpan(0, space + 1), Mask) : Mask;
    }
}
