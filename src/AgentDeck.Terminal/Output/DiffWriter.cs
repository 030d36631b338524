using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentDeck.Terminal;

/// <summary>
/// Turns the difference between two frames into ANSI bytes: only changed cells are written, runs of unchanged
/// cells are skipped with the shortest cursor move (or rewritten when that is shorter), the current SGR style is
/// reused, and blank line ends are cleared with EL. It remembers the cursor and style it left the terminal in;
/// after <see cref="Invalidate"/>, a resize, or for the first frame it redraws in full (reset, clear, then every
/// non-blank cell).
/// </summary>
public sealed class DiffWriter
{
    private const int MaxScrollRegionsPerFrame = 8;
    private readonly List<int> _sgr = new(16);
    private readonly ScrollDetector _scrolls = new();
    private CellBuffer? _scrolled;
    private CellBuffer? _blank;
    private Style? _style;
    private int? _cursorX;
    private int? _cursorY;
    private bool _mustRedraw = true;

    public DiffWriter(ColorDepth colorDepth) => ColorDepth = colorDepth;

    public ColorDepth ColorDepth { get; }

    /// <summary>
    /// Scroll whole rows that moved up or down with a DECSTBM scroll region and line feeds / reverse index
    /// (VT100, so tmux and every emulator have it) instead of rewriting them. On by default.
    /// </summary>
    public bool UseScrollRegions { get; init; } = true;

    /// <summary>Forget what the terminal shows: the next frame is a full redraw.</summary>
    public void Invalidate() => _mustRedraw = true;

    /// <summary>Writes what it takes to turn the screen showing <paramref name="previous"/> into <paramref name="next"/>.</summary>
    public void Write(CellBuffer? previous, CellBuffer next, IBufferWriter<byte> sink)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(sink);
        var output = new AnsiOutput(sink);
        if (_mustRedraw || previous is null || previous.Width != next.Width || previous.Height != next.Height)
        {
            previous = BeginFullRedraw(next, output);
        }
        else if (UseScrollRegions)
        {
            // Side-by-side bands may scroll independently: take the most valuable region, then look again.
            _scrolls.Begin(previous, next);
            for (var regions = 0; regions < MaxScrollRegionsPerFrame && _scrolls.Find() is { } region; regions++)
            {
                previous = Scroll(previous, region, output);
                _scrolls.Scrolled(region);
            }
        }

        for (var y = 0; y < next.Height; y++)
        {
            var before = previous.Row(y);
            var after = next.Row(y);
            if (!SameBits(before, after))
            {
                WriteRow(before, after, y, output);
            }
        }
    }

    // Rows that are bit for bit the same (same text references, styles, widths) write nothing: one vectorized
    // compare skips them instead of comparing cell by cell. Rows that differ only in bits Equals ignores (padding,
    // equal text in another string) take the cell-by-cell path, which decides.
    private static bool SameBits(ReadOnlySpan<Cell> before, ReadOnlySpan<Cell> after) =>
        before.Length == after.Length &&
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Cell, byte>(ref MemoryMarshal.GetReference(before)), before.Length * Unsafe.SizeOf<Cell>())
            .SequenceEqual(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Cell, byte>(ref MemoryMarshal.GetReference(after)), after.Length * Unsafe.SizeOf<Cell>()));

    private CellBuffer BeginFullRedraw(CellBuffer next, AnsiOutput output)
    {
        _mustRedraw = false;
        output.Ascii("\u001b[0m\u001b[2J");
        _style = Style.Default;
        _cursorX = null;
        _cursorY = null;
        if (_blank is null || _blank.Width != next.Width || _blank.Height != next.Height)
        {
            _blank = new CellBuffer(next.Width, next.Height);
        }

        return _blank;
    }

    // Scrolls the region on the terminal and returns what the screen shows afterwards, to diff against.
    private CellBuffer Scroll(CellBuffer previous, ScrollRegion region, AnsiOutput output)
    {
        SetStyle(Style.Default, output); // uncovered rows are filled with the current background
        output.Ascii("\u001b[");
        output.Number(region.Top + 1);
        output.Byte((byte)';');
        output.Number(region.Bottom + 1);
        output.Byte((byte)'r');
        var up = region.Amount > 0;
        CursorMove.Append(output, null, null, 0, up ? region.Bottom : region.Top);
        for (var i = 0; i < Math.Abs(region.Amount); i++)
        {
            output.Ascii(up ? "\n" : "\u001bM");
        }

        output.Ascii("\u001b[r");
        _cursorX = null;
        _cursorY = null;

        _scrolled ??= new CellBuffer(previous.Width, previous.Height);
        if (!ReferenceEquals(_scrolled, previous))
        {
            _scrolled.CopyFrom(previous);
        }

        _scrolled.ScrollRows(region.Top, region.Bottom, region.Amount);
        return _scrolled;
    }

    private void WriteRow(ReadOnlySpan<Cell> previous, ReadOnlySpan<Cell> next, int y, AnsiOutput output)
    {
        var width = next.Length;
        var x = 0;
        while (x < width)
        {
            var cell = next[x];
            if (cell.IsContinuation || cell == previous[x])
            {
                x++;
                continue;
            }

            if (TryClearToEnd(previous, next, x, y, output))
            {
                return;
            }

            MoveTo(previous, next, x, y, output);
            x += WriteCell(cell, x, width, output);
        }
    }

    // From x to the end of the row the next frame is blank in one plain style: one EL beats writing spaces.
    private bool TryClearToEnd(ReadOnlySpan<Cell> previous, ReadOnlySpan<Cell> next, int x, int y, AnsiOutput output)
    {
        var blank = next[x];
        if (blank.Text != " " || blank.Style.Attributes != TextAttributes.None)
        {
            return false;
        }

        var changed = 0;
        for (var c = x; c < next.Length; c++)
        {
            if (next[c] != blank)
            {
                return false;
            }

            if (previous[c] != blank)
            {
                changed++;
            }
        }

        if (changed <= 3)
        {
            return false;
        }

        MoveTo(previous, next, x, y, output);
        SetStyle(blank.Style, output);
        output.Ascii("\u001b[K");
        return true;
    }

    private int WriteCell(Cell cell, int x, int width, AnsiOutput output)
    {
        SetStyle(cell.Style, output);
        if (x + cell.Width > width)
        {
            // A wide character that does not fit would wrap; the buffer never holds one, but never let it through.
            output.Byte((byte)' ');
            AdvanceCursor(1, trusted: true, width);
            return 1;
        }

        output.Text(cell.Text);
        AdvanceCursor(cell.Width, trusted: cell.Text.Length == 1, width);
        return cell.Width;
    }

    // Terminals disagree on the width of clusters of several code points (ZWJ emoji, flags, astral characters),
    // so after one of those the next write positions the cursor absolutely instead of trusting it.
    private void AdvanceCursor(int columns, bool trusted, int width)
    {
        _cursorX += columns;
        if (!trusted || _cursorX >= width)
        {
            _cursorX = null;
            _cursorY = null;
        }
    }

    private void MoveTo(ReadOnlySpan<Cell> previous, ReadOnlySpan<Cell> next, int x, int y, AnsiOutput output)
    {
        if (_cursorX == x && _cursorY == y)
        {
            return;
        }

        if (_cursorY == y && _cursorX is { } from && from < x && TryRewriteGap(next, from, x, output))
        {
            return;
        }

        CursorMove.Append(output, _cursorX, _cursorY, x, y);
        _cursorX = x;
        _cursorY = y;
    }

    // Rewriting a short gap of unchanged plain cells in the current style costs fewer bytes than a cursor move.
    private bool TryRewriteGap(ReadOnlySpan<Cell> next, int from, int to, AnsiOutput output)
    {
        if (to - from > CursorMove.ForwardLength(to - from))
        {
            return false;
        }

        for (var c = from; c < to; c++)
        {
            var cell = next[c];
            if (cell.Width != 1 || cell.Text.Length != 1 || cell.Text[0] >= 0x80 || Reduced(cell.Style) != _style)
            {
                return false;
            }
        }

        for (var c = from; c < to; c++)
        {
            output.Byte((byte)next[c].Text[0]);
        }

        _cursorX = to;
        return true;
    }

    private void SetStyle(Style style, AnsiOutput output)
    {
        var target = Reduced(style);
        if (_style == target)
        {
            return;
        }

        SgrEncoder.Transition(_style, target, _sgr);
        output.Ascii("\u001b[");
        for (var i = 0; i < _sgr.Count; i++)
        {
            if (i > 0)
            {
                output.Byte((byte)';');
            }

            output.Number(_sgr[i]);
        }

        output.Byte((byte)'m');
        _style = target;
    }

    private Style Reduced(Style style) => ColorDownsampler.Reduce(style, ColorDepth);
}
