using System.Buffers;
using System.Text;

namespace AgentDeck.Terminal.Tests;

public sealed class DiffWriterScrollTests
{
    private static string Write(DiffWriter writer, CellBuffer? previous, CellBuffer next)
    {
        var sink = new ArrayBufferWriter<byte>();
        writer.Write(previous, next, sink);
        return Encoding.UTF8.GetString(sink.WrittenSpan);
    }

    private static string[] Log(int from, int count) =>
        Enumerable.Range(from, count).Select(i => $"line {i}".PadRight(10)).ToArray();

    [Fact]
    public void GivenALogThatScrolledUpOneLine_WhenWritten_ThenTheRegionIsScrolledAndOnlyTheNewLineIsWritten()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        var previous = CellBuffer.FromLines(Log(1, 6));
        Write(writer, null, previous);

        var bytes = Write(writer, previous, CellBuffer.FromLines(Log(2, 6)));

        Assert.Equal("\u001b[1;6r\u001b[6H\n\u001b[r\u001b[6Hline 7", bytes);
    }

    [Fact]
    public void GivenALogThatScrolledDown_WhenWritten_ThenReverseIndexScrollsItDown()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        var previous = CellBuffer.FromLines(Log(2, 6));
        Write(writer, null, previous);

        var bytes = Write(writer, previous, CellBuffer.FromLines(Log(1, 6)));

        Assert.Equal("\u001b[1;6r\u001b[H\u001bM\u001b[r\u001b[Hline 1", bytes);
    }

    [Fact]
    public void GivenScrollRegionsTurnedOff_WhenALogScrolls_ThenRowsAreRewritten()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor) { UseScrollRegions = false };
        var previous = CellBuffer.FromLines(Log(1, 6));
        Write(writer, null, previous);

        var screen = new VirtualScreen(previous.Width, previous.Height);
        screen.Apply(Write(new DiffWriter(ColorDepth.TrueColor), null, previous));
        var next = CellBuffer.FromLines(Log(2, 6));

        var bytes = Write(writer, previous, next);
        screen.Apply(bytes);

        Assert.DoesNotContain("\u001b[1;6r", bytes);
        Assert.Equal(next.ToLines(), screen.Lines());
    }

    [Fact]
    public void GivenAScrollingBandBetweenFixedRows_WhenWritten_ThenTheScreenMatchesTheNextFrame()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        string[] Frame(int first) => ["header " + first, .. Log(first, 6), "footer"];
        var previous = CellBuffer.FromLines(Frame(1));
        var screen = new VirtualScreen(previous.Width, previous.Height);
        screen.Apply(Write(writer, null, previous));

        var next = CellBuffer.FromLines(Frame(3));
        var bytes = Write(writer, previous, next);
        screen.Apply(bytes);

        Assert.StartsWith("\u001b[2;7r", bytes);
        Assert.Equal(next.ToLines(), screen.Lines());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void GivenRandomFrames_WhenEachDiffIsAppliedToTheOldScreen_ThenTheScreenShowsTheNewFrame(int seed, bool scroll)
    {
        var random = new Random(seed);
        string[] pieces = ["a", "b", "c", " ", "  ", "中", "文", "é", "e\u0301", "─", "│", "😀", "xyz", "long text "];
        var writer = new DiffWriter(ColorDepth.Ansi256) { UseScrollRegions = scroll };
        var screen = new VirtualScreen(24, 10);
        var lines = new List<string>();
        CellBuffer? previous = null;
        for (var frame = 0; frame < 150; frame++)
        {
            lines.Add(string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => pieces[random.Next(pieces.Length)])));
            var next = new CellBuffer(24, 10);
            var visible = lines.TakeLast(8).ToList();
            next.SetString(0, 0, $"frame {frame}", Style.Fg(TerminalColor.Cyan));
            for (var y = 0; y < visible.Count; y++)
            {
                var style = new Style(TerminalColor.FromRgb((byte)random.Next(256), 0, 0), TerminalColor.Default, (TextAttributes)random.Next(0, 64));
                next.SetString(random.Next(0, 2), 1 + y, visible[y], random.Next(4) == 0 ? style : Style.Default);
            }

            next.SetString(random.Next(0, 24), 9, pieces[random.Next(pieces.Length)], Style.Default);
            screen.Apply(Write(writer, previous, next));

            Assert.Equal(next.ToLines(), screen.Lines());
            previous = next;
        }
    }
}
