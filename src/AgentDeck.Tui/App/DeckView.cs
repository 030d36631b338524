using AgentDeck.Terminal;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>Builds one whole frame from the controller's state: header, the current screen, status bar, overlay.</summary>
public static class DeckView
{
    public const int MinWidth = 40;
    public const int MinHeight = 10;

    private static readonly string[] HintCommands =
        [DeckCommands.Help, DeckCommands.Focus, DeckCommands.Back, DeckCommands.Spawn, DeckCommands.Steer, DeckCommands.Interrupt, DeckCommands.Stop, DeckCommands.Palette, DeckCommands.Quit];

    public static void Draw(CellBuffer frame, DeckController deck)
    {
        var screen = new Painter(frame.Area(), deck.Theme);
        screen.Fill(ThemeRole.Background);
        if (frame.Width < MinWidth || frame.Height < MinHeight)
        {
            var message = $"Terminal too small: {frame.Width}×{frame.Height}. AgentDeck needs at least {MinWidth}×{MinHeight}; enlarge the window, or press q to quit.";
            var y = 0;
            foreach (var line in TextFit.Wrap(message, frame.Width).Take(frame.Height))
            {
                screen.Text(0, y++, line, ThemeRole.Error);
            }

            return;
        }

        DrawHeader(screen, deck);
        var body = screen.Sub(new Rect(0, 1, frame.Width, frame.Height - 2));
        DrawBody(body, deck);
        DrawStatus(screen, deck);
        DrawNotices(body, deck);
        deck.Overlay?.Draw(screen, deck);
    }

    public static string StatusHints(DeckController deck) => string.Join("  ", HintCommands
        .Select(id => deck.Keys.Commands.First(c => c.Id == id))
        .Where(c => (c.Scope == KeyScope.Global || c.Scope == deck.Scope) && !(deck.ReadOnly && c.Dangerous) && deck.DisabledReason(c) is null)
        .Select(c => $"{deck.Keys.KeyText(c.Id)} {c.Id}"));

    private static void DrawHeader(Painter screen, DeckController deck)
    {
        screen.Bar(0, "", ThemeRole.StatusBar);
        var x = screen.Text(0, 0, " AgentDeck ", ThemeRole.KeyHint);
        foreach (var panel in Enum.GetValues<DeckPanel>())
        {
            x = screen.Text(x + 1, 0, panel == deck.Panel ? $"[{panel}]" : panel.ToString(), panel == deck.Panel ? ThemeRole.KeyHint : ThemeRole.StatusBar);
        }

        var workers = deck.Snapshot.Workers;
        var active = workers.Count(w => WorkerStates.IsActive(w.Run.Status));
        var right = $"{deck.Snapshot.ScopeLabel} · {workers.Count} runs, {active} active{(deck.Filter.Length > 0 ? $" · filter \"{deck.Filter}\"" : "")} ";
        var width = CellWidth.Of(right);
        if (x + 2 + width <= screen.Width)
        {
            screen.Text(screen.Width - width, 0, right, ThemeRole.StatusBar);
        }
    }

    private static void DrawBody(Painter body, DeckController deck)
    {
        var snapshot = deck.Snapshot;
        if (snapshot.SourceProblem is { } problem)
        {
            body.Text(1, 1, problem, ThemeRole.Error);
            return;
        }

        if (deck.FocusedRunId is not null && deck.SelectedWorker is { } focused)
        {
            var number = snapshot.Workers.ToList().IndexOf(focused) + 1;
            deck.BodyWidth = Math.Max(1, body.Width - 2);
            deck.BodyHeight = FocusScreen.BodyHeight(body.Height);
            FocusScreen.Draw(body, focused, number, deck.TranscriptLines, deck.TranscriptTop, deck.Search, snapshot.Now);
            return;
        }

        switch (deck.Panel)
        {
            case DeckPanel.Routing:
                RoutingPanel.Draw(body, snapshot);
                break;
            case DeckPanel.Team:
                TeamPanel.Draw(body, snapshot);
                break;
            case DeckPanel.Diff:
                DiffPanel.Draw(body, snapshot, deck.Selected);
                break;
            case DeckPanel.Cost:
                CostPanel.Draw(body, snapshot);
                break;
            default:
                var empty = deck.Filter.Length > 0
                    ? $"No run matches the filter \"{deck.Filter}\" (Esc clears it)."
                    : $"No runs yet ({snapshot.ScopeLabel}). Press {deck.Keys.KeyText(DeckCommands.ShowAll)} to show all runs, or {deck.Keys.KeyText(DeckCommands.Spawn)} to spawn a worker.";
                WorkerGridScreen.Draw(body, deck.Workers, deck.Selected, snapshot.Now, empty);
                break;
        }
    }

    private static void DrawNotices(Painter body, DeckController deck)
    {
        if (deck.Notices.Count == 0)
        {
            return;
        }

        var lines = deck.Notices.SelectMany(n => TextFit.Wrap(n, body.Width - 2)).Append("(any key dismisses)").ToList();
        var height = Math.Min(body.Height, lines.Count + 2);
        var rect = new Rect(0, body.Height - height, body.Width, height);
        var dialog = body.OnDialog();
        dialog.Sub(rect).Fill(ThemeRole.Dialog);
        var inside = dialog.Box(rect, "Problems", true);
        inside.Fill(ThemeRole.Dialog);
        for (var i = 0; i < inside.Height && i < lines.Count; i++)
        {
            inside.Text(0, i, lines[i], i == lines.Count - 1 ? ThemeRole.Muted : ThemeRole.Error);
        }
    }

    private static void DrawStatus(Painter screen, DeckController deck)
    {
        var y = screen.Height - 1;
        if (deck.Message is { } message)
        {
            screen.Bar(y, " " + message, ThemeRole.StatusBar);
            return;
        }

        screen.Bar(y, " " + StatusHints(deck), ThemeRole.StatusBar);
    }
}
