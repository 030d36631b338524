using System.Text;
using AgentDeck.Terminal.Input;

namespace AgentDeck.Tui.App;

/// <summary>Editable text with a cursor: typing, paste, Backspace/Delete, Left/Right/Home/End; multi-line when asked (Enter adds a line).</summary>
public sealed class LineEditor(bool multiLine = false, string text = "")
{
    private readonly StringBuilder _text = new(text);

    public string Text => _text.ToString();
    public int Cursor { get; private set; } = text.Length;
    public bool MultiLine { get; } = multiLine;

    /// <summary>Applies an editing key; false when the key is not an editing key (the caller handles it).</summary>
    public bool Handle(KeyEvent key)
    {
        switch (key.Key)
        {
            case Key.Character when (key.Modifiers & (KeyModifiers.Ctrl | KeyModifiers.Alt)) == 0:
                Insert(key.Rune.ToString());
                return true;
            case Key.Enter when MultiLine:
                Insert("\n");
                return true;
            case Key.Backspace when Cursor > 0:
                _text.Remove(Cursor - 1, 1);
                Cursor--;
                return true;
            case Key.Backspace:
                return true;
            case Key.Delete when Cursor < _text.Length:
                _text.Remove(Cursor, 1);
                return true;
            case Key.Left:
                Cursor = Math.Max(0, Cursor - 1);
                return true;
            case Key.Right:
                Cursor = Math.Min(_text.Length, Cursor + 1);
                return true;
            case Key.Home:
                Cursor = 0;
                return true;
            case Key.End:
                Cursor = _text.Length;
                return true;
            default:
                return false;
        }
    }

    public void Insert(string text)
    {
        var clean = MultiLine ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text.ReplaceLineEndings(" ");
        _text.Insert(Cursor, clean);
        Cursor += clean.Length;
    }
}
