namespace AgentDeck.Tui.Keys;

/// <summary>
/// One user action as data: its id (used in config and the palette), default keys, help text and scope.
/// <see cref="Dangerous"/> actions ask for confirmation and are hidden in read-only mode;
/// <see cref="NeedsControl"/> actions need a worker control and show why when there is none;
/// <see cref="NeedsWorker"/> actions act on the selected worker.
/// </summary>
public sealed record DeckCommand(
    string Id,
    IReadOnlyList<string> DefaultKeys,
    string Description,
    KeyScope Scope,
    bool Dangerous = false,
    bool NeedsControl = false,
    bool NeedsWorker = false,
    bool InPalette = true);
