namespace AgentDeck.Terminal;

/// <summary>
/// A terminal colour: the terminal's default, one of the 16 ANSI colours, one of the 256 indexed colours,
/// or 24-bit RGB. Packed into one value so cell comparison stays cheap.
/// </summary>
public readonly record struct TerminalColor
{
    private readonly uint _packed;

    private TerminalColor(ColorKind kind, uint value) => _packed = ((uint)kind << 24) | (value & 0xFFFFFF);

    public ColorKind Kind => (ColorKind)(_packed >> 24);

    /// <summary>The palette index for <see cref="ColorKind.Ansi16"/> and <see cref="ColorKind.Indexed"/>.</summary>
    public byte Index => (byte)_packed;

    public byte R => (byte)(_packed >> 16);
    public byte G => (byte)(_packed >> 8);
    public byte B => (byte)_packed;

    public static TerminalColor Default => default;

    public static TerminalColor Ansi(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 15);
        return new TerminalColor(ColorKind.Ansi16, (uint)index);
    }

    public static TerminalColor Indexed(byte index) => new(ColorKind.Indexed, index);

    public static TerminalColor FromRgb(byte r, byte g, byte b) => new(ColorKind.Rgb, ((uint)r << 16) | ((uint)g << 8) | b);

    public static TerminalColor Black => Ansi(0);
    public static TerminalColor Red => Ansi(1);
    public static TerminalColor Green => Ansi(2);
    public static TerminalColor Yellow => Ansi(3);
    public static TerminalColor Blue => Ansi(4);
    public static TerminalColor Magenta => Ansi(5);
    public static TerminalColor Cyan => Ansi(6);
    public static TerminalColor White => Ansi(7);
    public static TerminalColor BrightBlack => Ansi(8);
    public static TerminalColor BrightRed => Ansi(9);
    public static TerminalColor BrightGreen => Ansi(10);
    public static TerminalColor BrightYellow => Ansi(11);
    public static TerminalColor BrightBlue => Ansi(12);
    public static TerminalColor BrightMagenta => Ansi(13);
    public static TerminalColor BrightCyan => Ansi(14);
    public static TerminalColor BrightWhite => Ansi(15);

    public override string ToString() => Kind switch
    {
        ColorKind.Default => "default",
        ColorKind.Ansi16 => $"ansi({Index})",
        ColorKind.Indexed => $"indexed({Index})",
        _ => $"#{R:X2}{G:X2}{B:X2}",
    };
}
