using System.Text;

namespace AgentDeck.Terminal;

/// <summary>
/// A width × height grid of <see cref="Cell"/>s: each frame is drawn whole into one, and <see cref="DiffWriter"/>
/// sends only what changed. Writes keep the wide-character invariant: a cell of width w is always followed by
/// exactly w - 1 continuation cells, and overwriting any part of a wide character blanks the rest of it.
/// </summary>
public sealed class CellBuffer
{
    private static long _lastStamp;
    private Cell[] _cells;
    private long _stamp;
    private bool _changed = true;

    public CellBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        _cells = new Cell[width * height];
        Array.Fill(_cells, Cell.Blank);
    }

    public int Width { get; private set; }
    public int Height { get; private set; }
    public Rect Bounds => new(0, 0, Width, Height);

    /// <summary>
    /// Names the buffer's current content: equal stamps mean equal cells (a copy takes its source's stamp), so a
    /// reader such as the scroll detector can reuse what it worked out from the same content last frame. A write
    /// only sets a flag; the new stamp is drawn when asked for.
    /// </summary>
    internal long ContentStamp
    {
        get
        {
            if (_changed)
            {
                _stamp = Interlocked.Increment(ref _lastStamp);
                _changed = false;
            }

            return _stamp;
        }
    }

    public Cell this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y}) is outside the {Width}x{Height} buffer.");
            }

            return _cells[y * Width + x];
        }
    }

    /// <summary>The cells of one row, for readers such as the diff writer.</summary>
    public ReadOnlySpan<Cell> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return _cells.AsSpan(y * Width, Width);
    }

    /// <summary>A view of part of this buffer with its own coordinates, clipped to it.</summary>
    public BufferArea Area(Rect rect) => new(this, rect.Intersect(Bounds));

    public BufferArea Area() => new(this, Bounds);

    /// <summary>Writes text from (x, y) clipped to the buffer; returns the column after the last cell written.</summary>
    public int SetString(int x, int y, ReadOnlySpan<char> text, Style style) => SetString(x, y, text, style, Bounds);

    /// <summary>
    /// Writes text from (x, y) clipped to <paramref name="clip"/>. A wide character cut by an edge of the clip is
    /// replaced by spaces for its visible part. Returns the column after the last cell written.
    /// </summary>
    public int SetString(int x, int y, ReadOnlySpan<char> text, Style style, Rect clip)
    {
        clip = clip.Intersect(Bounds);
        if (y < clip.Y || y >= clip.Bottom)
        {
            return x;
        }

        _changed = true;
        var column = x;
        var index = 0;
        while (index < text.Length && column < clip.Right)
        {
            index += Grapheme.Next(text, index, out var cluster, out var width);
            if (width == 0)
            {
                continue;
            }

            if (column + width <= clip.X)
            {
                column += width;
                continue;
            }

            if (column < clip.X || column + width > clip.Right)
            {
                var from = Math.Max(column, clip.X);
                var to = Math.Min(column + width, clip.Right);
                FillRow(y, from, to, Cell.Space(style));
                column += width;
                continue;
            }

            Put(column, y, new Cell(cluster, style, width));
            column += width;
        }

        return Math.Min(column, clip.Right);
    }

    /// <summary>Sets every cell of the rectangle to a one-column cell.</summary>
    public void Fill(Rect rect, Cell cell)
    {
        if (cell.Width != 1 || CellWidth.Of(cell.Text) != 1 || cell.Text.Any(char.IsControl))
        {
            throw new ArgumentException("Fill takes a one-column printable cell; write other text with SetString.", nameof(cell));
        }

        rect = rect.Intersect(Bounds);
        _changed = true;
        for (var y = rect.Y; y < rect.Bottom; y++)
        {
            FillRow(y, rect.X, rect.Right, cell);
        }
    }

    public void Fill(Rect rect, Style style) => Fill(rect, Cell.Space(style));

    public void Clear()
    {
        _changed = true;
        Array.Fill(_cells, Cell.Blank);
    }

    /// <summary>Changes the size, keeping the top-left content that still fits.</summary>
    public void Resize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (width == Width && height == Height)
        {
            return;
        }

        _changed = true;
        var cells = new Cell[width * height];
        Array.Fill(cells, Cell.Blank);
        var keepWidth = Math.Min(width, Width);
        for (var y = 0; y < Math.Min(height, Height); y++)
        {
            _cells.AsSpan(y * Width, keepWidth).CopyTo(cells.AsSpan(y * width, keepWidth));
        }

        _cells = cells;
        Width = width;
        Height = height;
        if (keepWidth > 0)
        {
            for (var y = 0; y < height; y++)
            {
                RepairLeft(keepWidth - 1, y, cutAfter: true);
            }
        }
    }

    /// <summary>Copies size and content of another buffer into this one (for double buffering).</summary>
    public void CopyFrom(CellBuffer source)
    {
        if (source.Width != Width || source.Height != Height)
        {
            _cells = new Cell[source._cells.Length];
            Width = source.Width;
            Height = source.Height;
        }

        source._cells.CopyTo(_cells, 0);
        _stamp = source.ContentStamp;
        _changed = false;
    }

    /// <summary>
    /// Moves rows top..bottom (inclusive) up by <paramref name="amount"/> (down when negative) and blanks the rows
    /// uncovered, as a terminal does when it scrolls a region.
    /// </summary>
    internal void ScrollRows(int top, int bottom, int amount)
    {
        var count = bottom - top + 1 - Math.Abs(amount);
        _changed = true;
        if (amount > 0)
        {
            Array.Copy(_cells, (top + amount) * Width, _cells, top * Width, count * Width);
            _cells.AsSpan((bottom + 1 - amount) * Width, amount * Width).Fill(Cell.Blank);
        }
        else if (amount < 0)
        {
            Array.Copy(_cells, top * Width, _cells, (top - amount) * Width, count * Width);
            _cells.AsSpan(top * Width, -amount * Width).Fill(Cell.Blank);
        }
    }

    /// <summary>The text of each row (continuation cells contribute nothing), for golden tests.</summary>
    public string[] ToLines()
    {
        var lines = new string[Height];
        var builder = new StringBuilder(Width);
        for (var y = 0; y < Height; y++)
        {
            builder.Clear();
            foreach (var cell in Row(y))
            {
                builder.Append(cell.Text);
            }

            lines[y] = builder.ToString();
        }

        return lines;
    }

    /// <summary>A buffer as wide as the widest line holding the lines in the default style, like ratatui's Buffer::with_lines.</summary>
    public static CellBuffer FromLines(params string[] lines)
    {
        var width = lines.Length == 0 ? 0 : lines.Max(line => CellWidth.OfDisplayed(line));
        var buffer = new CellBuffer(width, lines.Length);
        for (var y = 0; y < lines.Length; y++)
        {
            buffer.SetString(0, y, lines[y], Style.Default);
        }

        return buffer;
    }

    public override string ToString() => string.Join('\n', ToLines());

    private void Put(int x, int y, Cell cell)
    {
        var end = x + cell.Width;
        RepairLeft(x, y, cutAfter: false);
        RepairRight(end, y);
        var row = y * Width;
        _cells[row + x] = cell;
        for (var c = x + 1; c < end; c++)
        {
            _cells[row + c] = Cell.Continuation(cell.Style);
        }
    }

    private void FillRow(int y, int from, int to, Cell cell)
    {
        if (from >= to)
        {
            return;
        }

        RepairLeft(from, y, cutAfter: false);
        RepairRight(to, y);
        _cells.AsSpan(y * Width + from, to - from).Fill(cell);
    }

    // Blanks a wide character that starts left of x and reaches x (cutAfter: one that reaches beyond x).
    private void RepairLeft(int x, int y, bool cutAfter)
    {
        var row = y * Width;
        var lead = x;
        while (lead > 0 && _cells[row + lead].IsContinuation)
        {
            lead--;
        }

        var leadCell = _cells[row + lead];
        var reachesInto = cutAfter ? lead + leadCell.Width > x + 1 : lead < x && !leadCell.IsContinuation;
        if (!reachesInto && !_cells[row + lead].IsContinuation)
        {
            return;
        }

        var stop = cutAfter ? x + 1 : x;
        for (var c = lead; c < stop; c++)
        {
            _cells[row + c] = Cell.Space(leadCell.Style);
        }
    }

    // Blanks the orphaned continuation cells from x on, left behind when their wide character is overwritten.
    private void RepairRight(int x, int y)
    {
        var row = y * Width;
        for (var c = x; c < Width && _cells[row + c].IsContinuation; c++)
        {
            _cells[row + c] = Cell.Space(_cells[row + c].Style);
        }
    }
}
