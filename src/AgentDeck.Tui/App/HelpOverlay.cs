using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>The '?' help: generated from the key map, so it always shows the keys in force and why an action is off.</summary>
public sealed class HelpOverlay : IOverlay
{
    private int _top;

    /// <summary>The help text rows: key, action description and, when the action cannot be used now, why.</summary>
    public static IReadOnlyList<PaneLine> Rows(KeyMap map, Func<DeckCommand, string?> disabledReason, bool readOnly)
    {
        var rows = new List<PaneLine>();
        foreach (var reason in map.Commands.Select(disabledReason).OfType<string>().Distinct())
        {
            rows.Add(new PaneLine("(off) " + reason, ThemeRole.Muted));
        }

        foreach (var scope in Enum.GetValues<KeyScope>())
        {
            rows.Add(new PaneLine(scope switch { KeyScope.Global => "Everywhere", KeyScope.Grid => "Worker grid", _ => "Focused worker" }, ThemeRole.Title));
            foreach (var command in map.Commands.Where(c => c.Scope == scope && !(readOnly && c.Dangerous)))
            {
                var reason = disabledReason(command);
                rows.Add(new PaneLine($"  {TextFit.PadRight(map.KeyText(command.Id), 12)} {command.Description}{(reason is null ? "" : " (off)")}",
                    reason is null ? ThemeRole.Text : ThemeRole.Muted));
            }
        }

        return rows;
    }

    public bool Handle(KeyEvent key, DeckController deck)
    {
        switch (key.Key)
        {
            case Key.Down or Key.PageDown:
                _top += key.Key == Key.Down ? 1 : 10;
                return true;
            case Key.Up or Key.PageUp:
                _top = Math.Max(0, _top - (key.Key == Key.Up ? 1 : 10));
                return true;
            case Key.Character when key.Rune.Value is 'j':
                _top++;
                return true;
            case Key.Character when key.Rune.Value is 'k':
                _top = Math.Max(0, _top - 1);
                return true;
            default:
                return false;
        }
    }

    public void HandlePaste(string text)
    {
    }

    public void Draw(Painter screen, DeckController deck)
    {
        var rows = Rows(deck.Keys, deck.DisabledReason, deck.ReadOnly);
        var inside = OverlayFrame.Open(screen, 100, rows.Count + 3, "Help — j/k scroll, any other key closes");
        _top = Math.Clamp(_top, 0, Math.Max(0, rows.Count - inside.Height));
        for (var i = 0; i < inside.Height && _top + i < rows.Count; i++)
        {
            inside.Text(1, i, rows[_top + i].Text, rows[_top + i].Role);
        }
    }
}
