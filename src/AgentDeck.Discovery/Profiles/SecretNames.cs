namespace AgentDeck.Discovery.Profiles;

/// <summary>Decides which environment variables hold secrets, so their values are never shown.</summary>
public static class SecretNames
{
    private static readonly string[] Markers = ["KEY", "TOKEN", "SECRET", "PASSWORD", "CREDENTIAL", "HEADER", "AUTH"];

    public static bool IsSecret(string variable) =>
        Markers.Any(marker => variable.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
