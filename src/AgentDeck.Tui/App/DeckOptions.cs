using AgentDeck.Tui.Control;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>What the screen is opened with; the CLI verb fills it from config and flags.</summary>
public sealed record DeckOptions
{
    public required IDeckSource Source { get; init; }
    public IWorkerControl Control { get; init; } = new UnavailableWorkerControl(UnavailableWorkerControl.NoSupervisor);
    public KeyMap Keys { get; init; } = KeyMap.Default;
    public Theme Theme { get; init; } = Theme.Plain;
    public DeckScope Scope { get; init; } = DeckScope.All;
    public bool ReadOnly { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Reloads the theme when its file changes (checked once a second); null when the theme is built in.</summary>
    public ThemeWatcher? ThemeReload { get; init; }

    /// <summary>Wakes the screen when the source has new data; without one the screen polls every <see cref="DeckApp.PollInterval"/>.</summary>
    public IChangeNotifier? Changes { get; init; }

    /// <summary>Shown in the status bar when the screen opens (bad keymap or theme entries).</summary>
    public IReadOnlyList<string> StartupMessages { get; init; } = [];
}
