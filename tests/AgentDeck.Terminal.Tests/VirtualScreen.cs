using System.Text;

namespace AgentDeck.Terminal.Tests;

/// <summary>
/// A tiny terminal emulator for the subset the diff writer emits (CUP, CUU/CUD/CUF/CUB, CR, LF, RI, DECSTBM,
/// EL, ED 2, SGR ignored, text with Spectre widths), so tests can check that applying the bytes to the old screen
/// yields the new frame.
/// </summary>
internal sealed class VirtualScreen
{
    private readonly string[,] _cells;
    private int _x;
    private int _y;
    private int _top;
    private int _bottom;

    public VirtualScreen(int width, int height)
    {
        (Width, Height) = (width, height);
        _cells = new string[height, width];
        Clear();
        _bottom = height - 1;
    }

    public int Width { get; }
    public int Height { get; }

    public void Apply(string bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var c = bytes[i];
            if (c == '\u001b')
            {
                i = Escape(bytes, i + 1);
                continue;
            }

            switch (c)
            {
                case '\r':
                    _x = 0;
                    i++;
                    continue;
                case '\n':
                    LineFeed();
                    i++;
                    continue;
            }

            var length = System.Globalization.StringInfo.GetNextTextElementLength(bytes.AsSpan(i));
            var text = bytes.Substring(i, length);
            var width = CellWidth.Of(text);
            _cells[_y, Math.Min(_x, Width - 1)] = text;
            for (var k = 1; k < width && _x + k < Width; k++)
            {
                _cells[_y, _x + k] = string.Empty;
            }

            _x = Math.Min(_x + width, Width);
            i += length;
        }
    }

    public string[] Lines()
    {
        var lines = new string[Height];
        for (var y = 0; y < Height; y++)
        {
            var line = new StringBuilder();
            for (var x = 0; x < Width; x++)
            {
                line.Append(_cells[y, x]);
            }

            lines[y] = line.ToString();
        }

        return lines;
    }

    private int Escape(string bytes, int i)
    {
        if (bytes[i] == 'M')
        {
            if (_y == _top) ScrollDown(); else _y--;
            return i + 1;
        }

        // CSI
        i++;
        var start = i;
        while (bytes[i] is >= '0' and <= '9' or ';') i++;
        var parameters = bytes[start..i].Split(';', StringSplitOptions.None);
        int P(int index, int fallback) => index < parameters.Length && int.TryParse(parameters[index], out var v) ? v : fallback;
        switch (bytes[i])
        {
            case 'H': (_y, _x) = (P(0, 1) - 1, P(1, 1) - 1); break;
            case 'A': _y -= P(0, 1); break;
            case 'B': _y += P(0, 1); break;
            case 'C': _x += P(0, 1); break;
            case 'D': _x -= P(0, 1); break;
            case 'K': for (var x = _x; x < Width; x++) _cells[_y, x] = " "; break;
            case 'J': Clear(); break;
            case 'r': (_top, _bottom, _x, _y) = (P(0, 1) - 1, P(1, Height) - 1, 0, 0); break;
            case 'm': break;
            default: throw new InvalidOperationException($"unexpected sequence ending in '{bytes[i]}'");
        }

        _x = Math.Clamp(_x, 0, Width - 1);
        _y = Math.Clamp(_y, 0, Height - 1);
        return i + 1;
    }

    private void LineFeed()
    {
        if (_y == _bottom) ScrollUp(); else _y++;
    }

    private void ScrollUp()
    {
        for (var y = _top; y < _bottom; y++) CopyRow(y + 1, y);
        BlankRow(_bottom);
    }

    private void ScrollDown()
    {
        for (var y = _bottom; y > _top; y--) CopyRow(y - 1, y);
        BlankRow(_top);
    }

    private void CopyRow(int from, int to)
    {
        for (var x = 0; x < Width; x++) _cells[to, x] = _cells[from, x];
    }

    private void BlankRow(int y)
    {
        for (var x = 0; x < Width; x++) _cells[y, x] = " ";
    }

    private void Clear()
    {
        for (var y = 0; y < Height; y++) BlankRow(y);
    }
}
