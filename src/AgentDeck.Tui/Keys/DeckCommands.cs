namespace AgentDeck.Tui.Keys;

/// <summary>The one table of AgentDeck's screen actions: keys, help, palette and docs/keybindings.md all come from it.</summary>
public static class DeckCommands
{
    public const string Quit = "quit";
    public const string Help = "help";
    public const string Palette = "palette";
    public const string Filter = "filter";
    public const string Search = "search";
    public const string Focus = "focus";
    public const string Back = "back";
    public const string NextPanel = "next-panel";
    public const string Jump = "jump";
    public const string Up = "up";
    public const string Down = "down";
    public const string PageUp = "page-up";
    public const string PageDown = "page-down";
    public const string Top = "top";
    public const string Bottom = "bottom";
    public const string ToggleTools = "toggle-tools";
    public const string NextMatch = "next-match";
    public const string ShowAll = "show-all";
    public const string Spawn = "spawn";
    public const string Steer = "steer";
    public const string Interrupt = "interrupt";
    public const string Stop = "stop";
    public const string CrossReview = "cross-review";

    public static IReadOnlyList<DeckCommand> All { get; } =
    [
        new(Help, ["?"], "Show this help", KeyScope.Global),
        new(Palette, [":"], "Command palette (fuzzy search over every action)", KeyScope.Global, InPalette: false),
        new(Quit, ["q", "Ctrl+c"], "Quit the screen (workers keep running)", KeyScope.Global),
        new(Back, ["Esc"], "Back to the worker grid / close the overlay", KeyScope.Global, InPalette: false),
        new(NextPanel, ["Tab"], "Next panel: workers, routing, team, diff, cost", KeyScope.Global),
        new(Up, ["Up", "k"], "Select the previous worker / scroll up", KeyScope.Global, InPalette: false),
        new(Down, ["Down", "j"], "Select the next worker / scroll down", KeyScope.Global, InPalette: false),
        new(PageUp, ["PageUp"], "Scroll a page up", KeyScope.Focus, InPalette: false),
        new(PageDown, ["PageDown", "Space"], "Scroll a page down", KeyScope.Focus, InPalette: false),
        new(Top, ["Home", "g"], "Go to the top", KeyScope.Global, InPalette: false),
        new(Bottom, ["End", "G"], "Go to the bottom (follow the live tail)", KeyScope.Global, InPalette: false),
        new(Focus, ["Enter"], "Focus the selected worker (whole transcript)", KeyScope.Grid, NeedsWorker: true),
        new(Jump, ["1", "2", "3", "4", "5", "6", "7", "8", "9"], "Jump to worker 1-9", KeyScope.Grid, InPalette: false),
        new(Filter, ["/"], "Filter workers by agent, role, model, status or prompt", KeyScope.Grid),
        new(ShowAll, ["a"], "Toggle between this repository's runs and all runs", KeyScope.Grid),
        new(Search, ["/"], "Search the transcript", KeyScope.Focus),
        new(NextMatch, ["N"], "Next search match", KeyScope.Focus),
        new(ToggleTools, ["t"], "Expand or collapse tool calls and thinking", KeyScope.Focus),
        new(Spawn, ["n"], "Spawn a worker (agent, role, model, prompt, write access)", KeyScope.Global, NeedsControl: true),
        new(Steer, ["s"], "Steer the selected worker with a message", KeyScope.Global, NeedsControl: true, NeedsWorker: true),
        new(Interrupt, ["i"], "Interrupt the selected worker's turn", KeyScope.Global, NeedsControl: true, NeedsWorker: true),
        new(Stop, ["x"], "Stop the selected worker (asks to confirm)", KeyScope.Global, Dangerous: true, NeedsControl: true, NeedsWorker: true),
        new(CrossReview, ["r"], "Cross-review the selected worker's result by another role", KeyScope.Global, NeedsControl: true, NeedsWorker: true),
    ];

    public static DeckCommand? Find(string id) => All.FirstOrDefault(c => c.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}
