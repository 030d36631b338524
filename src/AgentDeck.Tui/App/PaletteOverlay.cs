using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>The ':' command palette: type to fuzzy-match actions by id or description, Enter runs the first (or selected) one.</summary>
public sealed class PaletteOverlay : IOverlay
{
    private readonly LineEditor _query = new();
    private int _selected;

    public static IReadOnlyList<DeckCommand> Matches(string query, IEnumerable<DeckCommand> commands) =>
        FuzzyMatcher.Rank(query, commands.Where(c => c.InPalette), c => c.Id + " " + c.Description);

    public bool Handle(KeyEvent key, DeckController deck)
    {
        var matches = Matches(_query.Text, deck.VisibleCommands);
        switch (key.Key)
        {
            case Key.Escape:
                return false;
            case Key.Up:
                _selected = Math.Max(0, _selected - 1);
                return true;
            case Key.Down:
                _selected = Math.Min(Math.Max(0, matches.Count - 1), _selected + 1);
                return true;
            case Key.Enter:
                if (matches.Count > 0)
                {
                    deck.CloseOverlay();
                    deck.Run(matches[Math.Min(_selected, matches.Count - 1)]);
                    return deck.Overlay is not null && deck.Overlay != this;
                }

                return true;
            default:
                if (_query.Handle(key))
                {
                    _selected = 0;
                }

                return true;
        }
    }

    public void HandlePaste(string text) => _query.Insert(text);

    public void Draw(Painter screen, DeckController deck)
    {
        var matches = Matches(_query.Text, deck.VisibleCommands);
        var inside = OverlayFrame.Open(screen, 70, 14, "Command palette");
        inside.Text(0, 0, ": " + _query.Text + "▏", ThemeRole.Accent);
        for (var i = 0; i < matches.Count && i + 2 < inside.Height; i++)
        {
            var command = matches[i];
            var reason = deck.DisabledReason(command);
            var text = $"{TextFit.PadRight(command.Id, 14)} {TextFit.PadRight(deck.Keys.KeyText(command.Id), 8)} {command.Description}{(reason is null ? "" : " — off: " + reason)}";
            if (i == _selected)
            {
                inside.Bar(i + 2, text, ThemeRole.Selection);
            }
            else
            {
                inside.Text(0, i + 2, text, reason is null ? ThemeRole.Text : ThemeRole.Muted);
            }
        }

        if (matches.Count == 0)
        {
            inside.Text(0, 2, "no action matches", ThemeRole.Muted);
        }
    }
}
