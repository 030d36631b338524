using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>A one-line input at the bottom of the screen (filter, search, steer). Enter submits, Esc cancels.</summary>
public sealed class InputOverlay(string label, string initial, Action<string> submit, Action<string>? changed = null) : IOverlay
{
    private readonly LineEditor _editor = new(text: initial);

    public string Label { get; } = label;
    public string Text => _editor.Text;

    public bool Handle(KeyEvent key, DeckController deck)
    {
        switch (key.Key)
        {
            case Key.Escape:
                changed?.Invoke(initial);
                return false;
            case Key.Enter:
                submit(_editor.Text);
                return false;
            default:
                if (_editor.Handle(key))
                {
                    changed?.Invoke(_editor.Text);
                }

                return true;
        }
    }

    public void HandlePaste(string text)
    {
        _editor.Insert(text);
        changed?.Invoke(_editor.Text);
    }

    public void Draw(Painter screen, DeckController deck)
    {
        var line = screen.OnDialog();
        var y = screen.Height - 1;
        line.Bar(y, "", ThemeRole.Dialog);
        var end = line.Text(0, y, Label + " ", ThemeRole.Accent);
        line.Text(end, y, _editor.Text + "▏", ThemeRole.Dialog);
    }
}
