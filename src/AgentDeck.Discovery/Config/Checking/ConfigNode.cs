namespace AgentDeck.Discovery.Config.Checking;

/// <summary>
/// One value of a configuration file as the checker sees it: its kind, where it was written, its children (a table's
/// keys, an array's items) and, for numbers, its value. A reader adapter (<see cref="TomlConfigNodes"/>) builds these.
/// </summary>
public sealed record ConfigNode(ConfigValueKind Kind, int? Line, int? Column)
{
    public IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries { get; init; } = [];

    public IReadOnlyList<ConfigNode> Items { get; init; } = [];

    /// <summary>The number, for integers and finite floats.</summary>
    public decimal? Number { get; init; }

    /// <summary>Where the key of each entry was written, when the reader knows (a table header's line).</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> KeyPositions { get; init; } = new Dictionary<string, (int, int)>();
}
