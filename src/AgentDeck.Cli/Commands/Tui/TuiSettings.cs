using AgentDeck.Tui.Model;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>The screen's settings from config.toml: theme, [keys] remaps, cost-guard limits, and problems found reading them.</summary>
public sealed record TuiSettings(
    string? Theme,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keys,
    DeckBudget Budget,
    IReadOnlyList<string> Messages)
{
    public static TuiSettings Defaults { get; } = new(null, new Dictionary<string, IReadOnlyList<string>>(), DeckBudget.None, []);
}
