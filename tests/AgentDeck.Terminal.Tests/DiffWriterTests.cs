using System.Buffers;
using System.Text;

namespace AgentDeck.Terminal.Tests;

public sealed class DiffWriterTests
{
    private const string Esc = "\u001b";

    private static string Write(DiffWriter writer, CellBuffer? previous, CellBuffer next)
    {
        var sink = new ArrayBufferWriter<byte>();
        writer.Write(previous, next, sink);
        return Encoding.UTF8.GetString(sink.WrittenSpan);
    }

    /// <summary>Writes the first frame in full, then returns the bytes for the change to <paramref name="next"/>.</summary>
    private static string Diff(CellBuffer previous, CellBuffer next, ColorDepth depth = ColorDepth.TrueColor)
    {
        var writer = new DiffWriter(depth);
        Write(writer, null, previous);
        return Write(writer, previous, next);
    }

    private static CellBuffer Changed(CellBuffer source, Action<CellBuffer> change)
    {
        var copy = new CellBuffer(source.Width, source.Height);
        copy.CopyFrom(source);
        change(copy);
        return copy;
    }

    [Fact]
    public void GivenTheFirstFrame_WhenWritten_ThenTheScreenIsResetClearedAndOnlyNonBlankCellsAreWritten()
    {
        var bytes = Write(new DiffWriter(ColorDepth.TrueColor), null, CellBuffer.FromLines("ab", "  ", " c"));

        Assert.Equal($"{Esc}[0m{Esc}[2J{Esc}[Hab{Esc}[3;2Hc", bytes);
    }

    [Fact]
    public void GivenNoChange_WhenWritten_ThenZeroBytesAreWritten()
    {
        var frame = CellBuffer.FromLines("abc", "def");

        Assert.Equal(string.Empty, Diff(frame, Changed(frame, _ => { })));
    }

    [Fact]
    public void GivenOneChangedCell_WhenWritten_ThenOneAbsoluteMoveAndTheCharacterAreWritten()
    {
        var frame = CellBuffer.FromLines("abc", "def");

        var bytes = Diff(frame, Changed(frame, b => b.SetString(1, 1, "X", Style.Default)));

        Assert.Equal($"{Esc}[2;2HX", bytes);
    }

    [Fact]
    public void GivenAChangedRun_WhenWritten_ThenItIsWrittenAfterOneMove()
    {
        var frame = CellBuffer.FromLines("abcdef");

        var bytes = Diff(frame, Changed(frame, b => b.SetString(0, 0, "XYZ", Style.Default)));

        Assert.Equal($"{Esc}[HXYZ", bytes);
    }

    [Fact]
    public void GivenAStyleChange_WhenWritten_ThenOnlyTheSgrDifferenceIsWritten()
    {
        var frame = CellBuffer.FromLines("abc");
        var red = Changed(frame, b => b.SetString(1, 0, "b", Style.Fg(TerminalColor.Red)));
        var writer = new DiffWriter(ColorDepth.TrueColor);
        Write(writer, null, frame);

        Assert.Equal($"{Esc}[1;2H{Esc}[31mb", Write(writer, frame, red));
        // The cursor stands just right of the cell written last, so one step back is the shortest move.
        Assert.Equal($"{Esc}[D{Esc}[0mb", Write(writer, red, frame));
    }

    [Fact]
    public void GivenAnAttributeRemovedWhileColourStays_WhenWritten_ThenTheIncrementalFormIsUsed()
    {
        var boldRed = new Style(TerminalColor.FromRgb(200, 10, 10), TerminalColor.Default, TextAttributes.Bold | TextAttributes.Underline);
        var frame = new CellBuffer(2, 1);
        frame.SetString(0, 0, "ab", boldRed);

        var bytes = Diff(frame, Changed(frame, b => b.SetString(1, 0, "b", boldRed with { Attributes = TextAttributes.Underline })));

        Assert.Equal($"{Esc}[1;2H{Esc}[22mb", bytes);
    }

    [Fact]
    public void GivenAWideCharacterReplacingTwoCells_WhenWritten_ThenOnlyTheWideCharacterIsWritten()
    {
        var frame = CellBuffer.FromLines("abcd");

        var bytes = Diff(frame, Changed(frame, b => b.SetString(1, 0, "中", Style.Default)));

        Assert.Equal($"{Esc}[1;2H中", bytes);
    }

    [Fact]
    public void GivenAWideCharacterReplacedByNarrowOnes_WhenWritten_ThenBothHalvesAreRewritten()
    {
        var frame = CellBuffer.FromLines("a中d");

        var bytes = Diff(frame, Changed(frame, b => b.SetString(1, 0, "xy", Style.Default)));

        Assert.Equal($"{Esc}[1;2Hxy", bytes);
    }

    [Fact]
    public void GivenAMultiCodePointCluster_WhenWritten_ThenTheNextWriteMovesAbsolutely()
    {
        var frame = CellBuffer.FromLines("abcd");

        var bytes = Diff(frame, Changed(frame, b => { b.SetString(0, 0, "😀", Style.Default); b.SetString(3, 0, "X", Style.Default); }));

        Assert.Equal($"{Esc}[H😀{Esc}[1;4HX", bytes);
    }

    [Fact]
    public void GivenAShortUnchangedGap_WhenWritten_ThenTheGapIsRewrittenInsteadOfMovingOverIt()
    {
        var frame = CellBuffer.FromLines("abcdef");

        var bytes = Diff(frame, Changed(frame, b => { b.SetString(0, 0, "X", Style.Default); b.SetString(3, 0, "Y", Style.Default); }));

        Assert.Equal($"{Esc}[HXbcY", bytes);
    }

    [Fact]
    public void GivenALongUnchangedGap_WhenWritten_ThenARelativeForwardMoveSkipsIt()
    {
        var frame = CellBuffer.FromLines(new string('.', 20));

        var bytes = Diff(frame, Changed(frame, b => { b.SetString(0, 0, "X", Style.Default); b.SetString(15, 0, "Y", Style.Default); }));

        Assert.Equal($"{Esc}[HX{Esc}[14CY", bytes);
    }

    [Fact]
    public void GivenChangesInTheSameColumnOnTwoRows_WhenWritten_ThenTheShortestRelativeMoveIsUsed()
    {
        var frame = CellBuffer.FromLines("..........", "..........");

        var bytes = Diff(frame, Changed(frame, b => { b.SetString(5, 0, "X", Style.Default); b.SetString(5, 1, "Y", Style.Default); }));

        Assert.Equal($"{Esc}[1;6HX{Esc}[B{Esc}[DY", bytes);
    }

    [Fact]
    public void GivenALineEndThatBecameBlank_WhenWritten_ThenEraseToEndOfLineIsUsed()
    {
        var frame = CellBuffer.FromLines("hello world");

        var bytes = Diff(frame, Changed(frame, b => b.SetString(5, 0, "      ", Style.Default)));

        Assert.Equal($"{Esc}[1;7H{Esc}[K", bytes);
    }

    [Fact]
    public void GivenAResize_WhenWritten_ThenTheFrameIsRedrawnInFull()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        var small = CellBuffer.FromLines("ab");
        Write(writer, null, small);

        var bytes = Write(writer, small, CellBuffer.FromLines("abc"));

        Assert.Equal($"{Esc}[0m{Esc}[2J{Esc}[Habc", bytes);
    }

    [Fact]
    public void GivenAnInvalidatedWriter_WhenWritten_ThenTheFrameIsRedrawnInFull()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        var frame = CellBuffer.FromLines("ab");
        Write(writer, null, frame);

        writer.Invalidate();

        Assert.Equal($"{Esc}[0m{Esc}[2J{Esc}[Hab", Write(writer, frame, frame));
    }

    [Theory]
    [InlineData(ColorDepth.TrueColor, "\u001b[38;2;255;135;0mx")]
    [InlineData(ColorDepth.Ansi256, "\u001b[38;5;208mx")]
    [InlineData(ColorDepth.Ansi16, "\u001b[33mx")]
    [InlineData(ColorDepth.None, "x")]
    public void GivenAnRgbColour_WhenWrittenAtEachDepth_ThenItIsDownsampled(ColorDepth depth, string expectedTail)
    {
        var frame = CellBuffer.FromLines(".");

        var bytes = Diff(frame, Changed(frame, b => b.SetString(0, 0, "x", Style.Fg(TerminalColor.FromRgb(255, 135, 0)))), depth);

        Assert.Equal($"{Esc}[H" + expectedTail, bytes);
    }

    [Fact]
    public void GivenABackgroundAndAttributesFromUnknownState_WhenRedrawn_ThenAllParametersAreInOneSgr()
    {
        var frame = new CellBuffer(1, 1);
        frame.SetString(0, 0, "z", new Style(TerminalColor.Indexed(196), TerminalColor.BrightBlue, TextAttributes.Bold | TextAttributes.Reverse));

        var bytes = Write(new DiffWriter(ColorDepth.TrueColor), null, frame);

        Assert.Equal($"{Esc}[0m{Esc}[2J{Esc}[H{Esc}[1;7;38;5;196;104mz", bytes);
    }
}
