using AgentDeck.Terminal;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// Steps through the rows <see cref="TextFit.Wrap"/> makes of one line as (start, length) ranges of it: at spaces
/// where it can, hard where a word is longer than the width, trailing spaces of a cut row dropped.
/// </summary>
public ref struct WrapCursor
{
    private readonly ReadOnlySpan<char> _line;
    private readonly int _width;
    private int _start;
    private bool _done;

    public WrapCursor(ReadOnlySpan<char> line, int width)
    {
        _line = line;
        _width = width;
        _start = 0;
        _done = width <= 0;
    }

    public bool Next(out int start, out int length)
    {
        start = _start;
        length = 0;
        if (_done)
        {
            return false;
        }

        var rest = _line[_start..];
        if (CellWidth.Of(rest) <= _width)
        {
            _done = true;
            length = rest.Length;
            return true;
        }

        var cut = TextFit.CutIndex(rest, _width);
        var space = rest[..cut].LastIndexOf(' ');
        var at = space > 0 ? space : cut;
        length = rest[..at].TrimEnd().Length;
        _start += at;
        while (_start < _line.Length && char.IsWhiteSpace(_line[_start]))
        {
            _start++;
        }

        return true;
    }
}
