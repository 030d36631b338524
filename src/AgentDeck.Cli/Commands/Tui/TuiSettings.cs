namespace AgentDeck.Cli.Commands.Tui;

/// <summary>The screen's settings from config.toml: theme, [keys] remaps, and problems (or outdated entries) found reading them.</summary>
public sealed record TuiSettings(
    string? Theme,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keys,
    IReadOnlyList<string> Messages)
{
    public static TuiSettings Defaults { get; } = new(null, new Dictionary<string, IReadOnlyList<string>>(), []);

    /// <summary>These settings with <paramref name="over"/>'s on top: what it sets wins (key by key for [keys]); messages add up.</summary>
    public TuiSettings With(TuiSettings over)
    {
        ArgumentNullException.ThrowIfNull(over);
        var keys = new Dictionary<string, IReadOnlyList<string>>(Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var (action, chords) in over.Keys)
        {
            keys[action] = chords;
        }

        return new TuiSettings(
            over.Theme ?? Theme,
            keys,
            [.. Messages, .. over.Messages]);
    }
}
