namespace AgentDeck.Discovery;

/// <summary>
/// A problem found while reading the user's files. Discovery collects these and goes on with defaults; it never throws
/// for bad input. <see cref="Line"/> and <see cref="Column"/> are 1-based when known.
/// </summary>
public sealed record DiscoveryWarning(string Source, int? Line, int? Column, string Message)
{
    public static DiscoveryWarning About(string source, string message) => new(source, null, null, message);

    public override string ToString() => Line is null
        ? $"{Source}: {Message}"
        : Column is null ? $"{Source}:{Line}: {Message}" : $"{Source}:{Line}:{Column}: {Message}";
}
