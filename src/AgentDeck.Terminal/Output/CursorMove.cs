namespace AgentDeck.Terminal;

/// <summary>
/// Chooses the shortest byte sequence that moves the cursor: absolute (CUP) or relative (CR, CUU/CUD, CUF/CUB).
/// Line feed is never used, because on the last row it would scroll the screen.
/// </summary>
internal static class CursorMove
{
    public static void Append(AnsiOutput output, int? fromX, int? fromY, int toX, int toY)
    {
        var absolute = AbsoluteLength(toX, toY);
        if (fromX is not { } x || fromY is not { } y)
        {
            Absolute(output, toX, toY);
            return;
        }

        var vertical = VerticalLength(toY - y);
        var horizontalFromHere = HorizontalLength(toX - x);
        var horizontalFromStart = 1 + HorizontalLength(toX);
        var relative = vertical + Math.Min(horizontalFromHere, horizontalFromStart);
        if (relative > absolute)
        {
            Absolute(output, toX, toY);
            return;
        }

        Vertical(output, toY - y);
        if (horizontalFromHere <= horizontalFromStart)
        {
            Horizontal(output, toX - x);
        }
        else
        {
            output.Byte((byte)'\r');
            Horizontal(output, toX);
        }
    }

    public static int AbsoluteLength(int x, int y) =>
        (x, y) switch
        {
            (0, 0) => 3,
            (0, _) => 3 + AnsiOutput.Digits(y + 1),
            _ => 4 + AnsiOutput.Digits(y + 1) + AnsiOutput.Digits(x + 1),
        };

    /// <summary>Bytes of a same-row forward move of n columns.</summary>
    public static int ForwardLength(int n) => HorizontalLength(n);

    private static void Absolute(AnsiOutput output, int x, int y)
    {
        output.Ascii("\u001b[");
        if (x != 0 || y != 0)
        {
            output.Number(y + 1);
        }

        if (x != 0)
        {
            output.Byte((byte)';');
            output.Number(x + 1);
        }

        output.Byte((byte)'H');
    }

    private static int VerticalLength(int dy) => dy == 0 ? 0 : Math.Abs(dy) == 1 ? 3 : 3 + AnsiOutput.Digits(Math.Abs(dy));

    private static int HorizontalLength(int dx) => VerticalLength(dx);

    private static void Vertical(AnsiOutput output, int dy) => Relative(output, dy, 'B', 'A');

    private static void Horizontal(AnsiOutput output, int dx) => Relative(output, dx, 'C', 'D');

    private static void Relative(AnsiOutput output, int delta, char positive, char negative)
    {
        if (delta == 0)
        {
            return;
        }

        output.Ascii("\u001b[");
        if (Math.Abs(delta) != 1)
        {
            output.Number(Math.Abs(delta));
        }

        output.Byte((byte)(delta > 0 ? positive : negative));
    }
}
