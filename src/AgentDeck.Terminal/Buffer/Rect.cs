namespace AgentDeck.Terminal;

/// <summary>A rectangle of cells; Right and Bottom are exclusive.</summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    public Rect Intersect(Rect other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return right <= left || bottom <= top ? new Rect(left, top, 0, 0) : new Rect(left, top, right - left, bottom - top);
    }

    /// <summary>Shrinks the rectangle by the given margin on every side.</summary>
    public Rect Inflate(int margin) =>
        new(X - margin, Y - margin, Math.Max(0, Width + 2 * margin), Math.Max(0, Height + 2 * margin));
}
