namespace AgentDeck.Terminal;

/// <summary>
/// A rectangular part of a <see cref="CellBuffer"/> with its own origin: widgets draw at (0, 0) and everything
/// outside the area is clipped away.
/// </summary>
public readonly struct BufferArea
{
    internal BufferArea(CellBuffer buffer, Rect rect)
    {
        Buffer = buffer;
        Rect = rect;
    }

    public CellBuffer Buffer { get; }

    /// <summary>Where the area lies in the buffer.</summary>
    public Rect Rect { get; }

    public int Width => Rect.Width;
    public int Height => Rect.Height;

    public Cell this[int x, int y] =>
        (uint)x < (uint)Width && (uint)y < (uint)Height
            ? Buffer[Rect.X + x, Rect.Y + y]
            : throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y}) is outside the {Width}x{Height} area.");

    /// <summary>Writes text at area coordinates; returns the area column after the last cell written.</summary>
    public int SetString(int x, int y, ReadOnlySpan<char> text, Style style) =>
        Buffer.SetString(Rect.X + x, Rect.Y + y, text, style, Rect) - Rect.X;

    public void Fill(Style style) => Buffer.Fill(Rect, style);

    public void Fill(Rect relative, Cell cell) =>
        Buffer.Fill(new Rect(Rect.X + relative.X, Rect.Y + relative.Y, relative.Width, relative.Height).Intersect(Rect), cell);

    public void Clear() => Buffer.Fill(Rect, Cell.Blank);

    /// <summary>A sub-area in this area's coordinates, clipped to this area.</summary>
    public BufferArea Sub(Rect relative) =>
        new(Buffer, new Rect(Rect.X + relative.X, Rect.Y + relative.Y, relative.Width, relative.Height).Intersect(Rect));

    /// <summary>The text of the area's rows, for golden tests.</summary>
    public string[] ToLines()
    {
        var lines = new string[Height];
        for (var y = 0; y < Height; y++)
        {
            var row = Buffer.Row(Rect.Y + y).Slice(Rect.X, Width);
            lines[y] = string.Concat(row.ToArray().Select(cell => cell.Text));
        }

        return lines;
    }
}
