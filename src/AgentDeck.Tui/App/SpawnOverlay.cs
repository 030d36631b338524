using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Control;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>
/// The spawn dialog: agent, role, model/profile, a multi-line prompt and a write toggle. Tab moves between fields,
/// Enter adds a prompt line, Ctrl+W toggles write access, Ctrl+S spawns, Esc cancels.
/// </summary>
public sealed class SpawnOverlay(string? cwd, Action<SpawnRequest> spawn) : IOverlay
{
    private static readonly string[] Labels = ["Agent", "Role", "Model/profile", "Prompt"];
    private readonly LineEditor[] _fields = [new(text: "claude"), new(), new(), new(multiLine: true)];
    private int _field = 3;

    public bool AllowWrite { get; private set; }

    public bool Handle(KeyEvent key, DeckController deck)
    {
        switch (key)
        {
            case { Key: Key.Escape }:
                deck.Say("spawn cancelled");
                return false;
            case { Key: Key.Tab, Modifiers: KeyModifiers.Shift }:
                _field = (_field + Labels.Length - 1) % Labels.Length;
                return true;
            case { Key: Key.Tab }:
                _field = (_field + 1) % Labels.Length;
                return true;
            case { Key: Key.Character, Modifiers: KeyModifiers.Ctrl } when key.Rune.Value == 'w':
                AllowWrite = !AllowWrite;
                return true;
            case { Key: Key.Character, Modifiers: KeyModifiers.Ctrl } when key.Rune.Value == 's':
                if (_fields[3].Text.Trim().Length == 0)
                {
                    deck.Say("the prompt is empty: type what the worker should do");
                    return true;
                }

                spawn(new SpawnRequest(_fields[0].Text.Trim(), _fields[1].Text.Trim(), _fields[2].Text.Trim(), _fields[3].Text, AllowWrite, cwd));
                return false;
            case { Key: Key.Enter } when _field < 3:
                _field++;
                return true;
            default:
                _fields[_field].Handle(key);
                return true;
        }
    }

    public void HandlePaste(string text) => _fields[_field].Insert(text);

    public void Draw(Painter screen, DeckController deck)
    {
        var inside = OverlayFrame.Open(screen, 76, Math.Min(screen.Height, 20), "Spawn a worker");
        for (var i = 0; i < 3; i++)
        {
            inside.Text(0, i, TextFit.PadRight(Labels[i], 14), i == _field ? ThemeRole.Accent : ThemeRole.Title);
            inside.Text(15, i, _fields[i].Text + (i == _field ? "▏" : ""), ThemeRole.Dialog);
        }

        inside.Text(0, 3, TextFit.PadRight("Write access", 14), ThemeRole.Title);
        inside.Text(15, 3, AllowWrite ? "[x] may edit files (Ctrl+W)" : "[ ] read-only (Ctrl+W)", AllowWrite ? ThemeRole.Conflict : ThemeRole.Dialog);
        inside.Text(0, 4, "Prompt", _field == 3 ? ThemeRole.Accent : ThemeRole.Title);
        var lines = (_fields[3].Text + (_field == 3 ? "▏" : "")).Split('\n');
        var room = Math.Max(0, inside.Height - 7);
        var y = 5;
        foreach (var line in lines.TakeLast(room))
        {
            inside.Text(2, y++, line, ThemeRole.Dialog);
        }

        inside.Text(0, inside.Height - 1, "Tab next field · Enter new line · Ctrl+S spawn · Esc cancel", ThemeRole.Muted);
    }
}
