namespace AgentDeck.Terminal.Tests;

public sealed class CellBufferTests
{
    private static readonly Style Red = Style.Fg(TerminalColor.Red);

    [Fact]
    public void GivenText_WhenWrittenPastTheRightEdge_ThenItIsClipped()
    {
        var buffer = new CellBuffer(5, 1);

        var end = buffer.SetString(2, 0, "hello", Red);

        Assert.Equal(["  hel"], buffer.ToLines());
        Assert.Equal(5, end);
        Assert.Equal(Red, buffer[2, 0].Style);
        Assert.Equal(Style.Default, buffer[1, 0].Style);
    }

    [Fact]
    public void GivenCjk_WhenWritten_ThenEachCharacterTakesALeadAndAContinuationCell()
    {
        var buffer = new CellBuffer(6, 1);

        var end = buffer.SetString(0, 0, "中文a", Style.Default);

        Assert.Equal(5, end);
        Assert.Equal(["中文a "], buffer.ToLines());
        Assert.Equal(2, buffer[0, 0].Width);
        Assert.True(buffer[1, 0].IsContinuation);
        Assert.Equal("a", buffer[4, 0].Text);
    }

    [Fact]
    public void GivenAWideCharacterThatDoesNotFit_WhenWrittenAtTheEdge_ThenItsVisiblePartIsASpace()
    {
        var buffer = new CellBuffer(3, 1);

        buffer.SetString(0, 0, "ab中", Red);

        Assert.Equal(["ab "], buffer.ToLines());
        Assert.Equal(Red, buffer[2, 0].Style);
    }

    [Fact]
    public void GivenAWideCharacter_WhenItsContinuationIsOverwritten_ThenTheLeadBecomesASpace()
    {
        var buffer = CellBuffer.FromLines("中文");

        buffer.SetString(1, 0, "x", Style.Default);

        Assert.Equal([" x文"], buffer.ToLines());
        Assert.False(buffer[0, 0].IsContinuation);
        Assert.Equal(1, buffer[0, 0].Width);
    }

    [Fact]
    public void GivenAWideCharacter_WhenItsLeadIsOverwritten_ThenTheOrphanContinuationBecomesASpace()
    {
        var buffer = CellBuffer.FromLines("中文");

        buffer.SetString(2, 0, "y", Style.Default);

        Assert.Equal(["中y "], buffer.ToLines());
    }

    [Fact]
    public void GivenEmojiCombiningMarksAndZwj_WhenWritten_ThenClustersStayTogetherWithSpectreWidths()
    {
        var buffer = new CellBuffer(12, 1);

        var end = buffer.SetString(0, 0, "e\u0301😀👨\u200d👩\u200d👧", Style.Default);

        Assert.Equal(9, end);
        Assert.Equal("e\u0301", buffer[0, 0].Text);
        Assert.Equal("😀", buffer[1, 0].Text);
        Assert.Equal(2, buffer[1, 0].Width);
        Assert.Equal("👨\u200d👩\u200d👧", buffer[3, 0].Text);
        Assert.Equal(6, buffer[3, 0].Width);
        Assert.All(Enumerable.Range(4, 5), x => Assert.True(buffer[x, 0].IsContinuation));
    }

    [Fact]
    public void GivenControlCharacters_WhenWrittenDirectly_ThenTheyBecomeReplacementCharacters()
    {
        var buffer = new CellBuffer(6, 1);

        buffer.SetString(0, 0, "a\u001b[2Jb", Style.Default);

        Assert.Equal(["a\uFFFD[2Jb"], buffer.ToLines());
    }

    [Fact]
    public void GivenALoneSurrogate_WhenWritten_ThenItBecomesAReplacementCharacter()
    {
        var buffer = new CellBuffer(3, 1);

        buffer.SetString(0, 0, "a\ud83db", Style.Default);

        Assert.Equal(["a\uFFFDb"], buffer.ToLines());
    }

    [Fact]
    public void GivenAnArea_WhenTextIsWritten_ThenItIsOffsetAndClippedToTheArea()
    {
        var buffer = new CellBuffer(8, 3);
        var area = buffer.Area(new Rect(2, 1, 4, 1));

        var end = area.SetString(1, 0, "abcdef", Style.Default);
        area.SetString(0, 1, "hidden", Style.Default);

        Assert.Equal(4, end);
        Assert.Equal(["        ", "   abc  ", "        "], buffer.ToLines());
        Assert.Equal([" abc"], area.ToLines());
    }

    [Fact]
    public void GivenASubArea_WhenItExtendsPastItsParent_ThenItIsClippedToTheParent()
    {
        var buffer = new CellBuffer(10, 2);
        var sub = buffer.Area(new Rect(1, 0, 5, 2)).Sub(new Rect(3, 1, 10, 10));

        Assert.Equal(new Rect(4, 1, 2, 1), sub.Rect);
    }

    [Fact]
    public void GivenTextStartingLeftOfTheClip_WhenWritten_ThenOnlyTheVisiblePartIsWritten()
    {
        var buffer = new CellBuffer(6, 1);

        buffer.SetString(0, 0, "ab中cd", Style.Default, new Rect(3, 0, 3, 1));

        Assert.Equal(["    cd"], buffer.ToLines());
    }

    [Fact]
    public void GivenARect_WhenFilled_ThenOnlyItsCellsChange()
    {
        var buffer = CellBuffer.FromLines("abcd", "efgh");

        buffer.Fill(new Rect(1, 0, 2, 2), Cell.Ascii('#', Red));

        Assert.Equal(["a##d", "e##h"], buffer.ToLines());
        Assert.Equal(Red, buffer[1, 1].Style);
    }

    [Theory]
    [InlineData("\u001b", 1)]
    [InlineData("中", 1)]
    [InlineData("ab", 1)]
    [InlineData("x", 2)]
    public void GivenACellThatIsNotOnePrintableColumn_WhenFilled_ThenItIsRefused(string text, int width)
    {
        var buffer = new CellBuffer(4, 1);

        Assert.Throws<ArgumentException>(() => buffer.Fill(buffer.Bounds, new Cell(text, Style.Default, width)));
        Assert.Equal(["    "], buffer.ToLines());
    }

    [Fact]
    public void GivenABuffer_WhenResizedSmallerThroughAWideCharacter_ThenTheCutCharacterIsBlanked()
    {
        var buffer = CellBuffer.FromLines("ab中", "xyz ");

        buffer.Resize(3, 1);

        Assert.Equal(["ab "], buffer.ToLines());
    }

    [Fact]
    public void GivenABuffer_WhenResizedLarger_ThenContentIsKeptAndNewCellsAreBlank()
    {
        var buffer = CellBuffer.FromLines("ab", "cd");

        buffer.Resize(3, 3);

        Assert.Equal(["ab ", "cd ", "   "], buffer.ToLines());
    }

    [Fact]
    public void GivenLines_WhenRoundTripped_ThenToLinesReturnsThemPaddedToTheWidestLine()
    {
        var buffer = CellBuffer.FromLines("┌─┐", "│中│", "└─┘x");

        Assert.Equal(4, buffer.Width);
        Assert.Equal(["┌─┐ ", "│中│", "└─┘x"], buffer.ToLines());
    }

    [Fact]
    public void GivenMixedScripts_WhenWritten_ThenEveryCellHoldsExactlyOneDotNetGraphemeCluster()
    {
        string[] pieces = ["a", "Z", "─", "中", "한", "\u1100\u1161", "e\u0301", "\u0301", "😀", "👍\U0001F3FD", "❤\ufe0f", "\u200d", "🇺🇸", "क्ष", "ﾊ", " "];
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var buffer = new CellBuffer(200, 1);

            buffer.SetString(0, 0, text, Style.Default);

            var cells = Enumerable.Range(0, buffer.Width).Select(x => buffer[x, 0]).Where(c => !c.IsContinuation).Select(c => c.Text).ToList();
            var written = string.Concat(cells).TrimEnd(' ');
            var expected = new List<string>();
            var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
            while (enumerator.MoveNext())
            {
                var element = (string)enumerator.Current;
                if (CellWidth.Of(element) > 0)
                {
                    expected.Add(element);
                }
            }

            Assert.Equal(string.Concat(expected).TrimEnd(' '), written);
            Assert.All(cells.Where(c => c != " "), c => Assert.Contains(c, expected));
        }
    }
}
