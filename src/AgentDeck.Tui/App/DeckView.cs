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

    private static readonly DeckPanel[] Panels = Enum.GetValues<DeckPanel>();
    private static readonly string[] PanelNames = Panels.Select(p => p.ToString()).ToArray();
    private static readonly string[] SelectedPanelNames = Panels.Select(p => $"[{p}]").ToArray();

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

    public static string StatusHints(DeckController deck)
    {
        var line = new LineText(stackalloc char[256]);
        AppendStatusHints(ref line, deck);
        return line.ToStringAndDispose();
    }

    /// <summary>"key command" for each hint command that can run now, two spaces apart.</summary>
    public static void AppendStatusHints(ref LineText line, DeckController deck)
    {
        var first = true;
        foreach (var id in HintCommands)
        {
            var command = Command(deck, id);
            if (!((command.Scope == KeyScope.Global || command.Scope == deck.Scope) && !(deck.ReadOnly && command.Dangerous) && deck.DisabledReason(command) is null))
            {
                continue;
            }

            if (!first)
            {
                line.Append("  ");
            }

            first = false;
            line.Append(deck.Keys.KeyText(command.Id));
            line.Append(' ');
            line.Append(command.Id);
        }
    }

    private static DeckCommand Command(DeckController deck, string id)
    {
        foreach (var command in deck.Keys.Commands)
        {
            if (command.Id == id)
            {
                return command;
            }
        }

        throw new InvalidOperationException($"The hint command \"{id}\" is not in the key map.");
    }

    private static void DrawHeader(Painter screen, DeckController deck)
    {
        screen.Bar(0, "", ThemeRole.StatusBar);
        var x = screen.Text(0, 0, " AgentDeck ", ThemeRole.KeyHint);
        for (var i = 0; i < Panels.Length; i++)
        {
            var selected = Panels[i] == deck.Panel;
            x = screen.Text(x + 1, 0, selected ? SelectedPanelNames[i] : PanelNames[i], selected ? ThemeRole.KeyHint : ThemeRole.StatusBar);
        }

        var workers = deck.Snapshot.Workers;
        var active = 0;
        for (var i = 0; i < workers.Count; i++)
        {
            if (WorkerStates.IsActive(workers[i].Run.Status))
            {
                active++;
            }
        }

        var right = new LineText(stackalloc char[128]);
        right.Append(deck.Snapshot.ScopeLabel);
        right.Append(" · ");
        right.Append(workers.Count);
        right.Append(" runs, ");
        right.Append(active);
        right.Append(" active");
        if (deck.Filter.Length > 0)
        {
            right.Append(" · filter \"");
            right.Append(deck.Filter);
            right.Append('"');
        }

        right.Append(' ');
        var width = CellWidth.Of(right.Text);
        if (x + 2 + width <= screen.Width)
        {
            screen.Text(screen.Width - width, 0, right.Text, ThemeRole.StatusBar);
        }

        right.Dispose();
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
            var number = focused.Number;
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
                // The empty message only shows (and is only put together) when no worker does.
                var workers = deck.Workers;
                WorkerGridScreen.Draw(body, workers, deck.Selected, snapshot.Now, workers.Count == 0 ? EmptyMessage(deck) : "");
                break;
        }
    }

    private static string EmptyMessage(DeckController deck) => deck.Filter.Length > 0
        ? $"No run matches the filter \"{deck.Filter}\" (Esc clears it)."
        : $"No runs yet ({deck.Snapshot.ScopeLabel}). Press {deck.Keys.KeyText(DeckCommands.ShowAll)} to show all runs, or {deck.Keys.KeyText(DeckCommands.Spawn)} to spawn a worker.";

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

        var hints = new LineText(stackalloc char[256]);
        hints.Append(' ');
        AppendStatusHints(ref hints, deck);
        screen.Bar(y, hints.Text, ThemeRole.StatusBar);
        hints.Dispose();
    }
}
