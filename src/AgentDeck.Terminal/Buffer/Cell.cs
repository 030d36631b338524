namespace AgentDeck.Terminal;

/// <summary>
/// One screen cell: a grapheme cluster, its style and the columns it occupies. A wide grapheme occupies its own
/// cell plus <see cref="Width"/> - 1 continuation cells to its right (empty text, width 0).
/// </summary>
public readonly struct Cell : IEquatable<Cell>
{
    private static readonly string[] AsciiText = CreateAsciiText();

    public Cell(string text, Style style, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        Text = text;
        Style = style;
        Width = (byte)Math.Min(width, byte.MaxValue);
    }

    public string Text { get; }
    public Style Style { get; }
    public int Width { get; }

    /// <summary>True for the cells covered by the wide grapheme to their left.</summary>
    public bool IsContinuation => Width == 0;

    public static Cell Blank => new(" ", Style.Default, 1);

    public static Cell Space(Style style) => new(" ", style, 1);

    public static Cell Continuation(Style style) => new(string.Empty, style, 0);

    /// <summary>A one-column cell for an ASCII character, sharing one string per character.</summary>
    public static Cell Ascii(char c, Style style) =>
        c is >= ' ' and < (char)0x7F ? new Cell(AsciiText[c], style, 1) : throw new ArgumentOutOfRangeException(nameof(c));

    internal static string AsciiString(char c) => AsciiText[c];

    public bool Equals(Cell other) =>
        Width == other.Width && Style == other.Style &&
        (ReferenceEquals(Text, other.Text) || string.Equals(Text, other.Text, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is Cell other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Text, Style, Width);

    public static bool operator ==(Cell left, Cell right) => left.Equals(right);
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);

    public override string ToString() => IsContinuation ? "<cont>" : $"'{Text}' w{Width} {Style}";

    private static string[] CreateAsciiText()
    {
        var table = new string[128];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = ((char)c).ToString();
        }

        return table;
    }
}
