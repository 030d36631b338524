using System.Text;

namespace AgentDeck.Terminal.Tests;

public sealed class TextSanitizerTests
{
    private readonly TextSanitizer _sanitizer = new(tabWidth: 4, maxColumns: 20);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("\u001b[31mred\u001b[0m", "red")]
    [InlineData("a\u001b[2J\u001b[Hb", "ab")]
    [InlineData("\u001b]0;title\u0007text", "text")]
    [InlineData("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "link")]
    [InlineData("\u001bPdcs payload\u001b\\after", "after")]
    [InlineData("x\u001b(By", "xy")]
    [InlineData("x\u001b7y\u001b8", "xy")]
    [InlineData("\u009b31mc1\u009b0m", "c1")]
    [InlineData("bell\u0007 nul\0 del\u007f", "bell nul del")]
    [InlineData("a\tb", "a   b")]
    [InlineData("abcd\tb", "abcd    b")]
    [InlineData("10%\r20%\r30%", "30%")]
    [InlineData("line\r\n", "line")]
    [InlineData("evil\u202eoverride", "eviloverride")]
    [InlineData("non\uffffchar", "non\uFFFDchar")]
    [InlineData("中文 😀 e\u0301", "中文 😀 e\u0301")]
    [InlineData("trailing esc\u001b", "trailing esc")]
    [InlineData("unterminated \u001b]0;title", "unterminated ")]
    public void GivenAgentOutput_WhenSanitized_ThenOnlyDisplayableTextRemains(string input, string expected)
    {
        Assert.Equal(expected, _sanitizer.SanitizeLine(input));
    }

    [Fact]
    public void GivenALoneSurrogate_WhenSanitized_ThenItBecomesAReplacementCharacter()
    {
        Assert.Equal("lone\uFFFDsurrogate\uFFFD", _sanitizer.SanitizeLine("lone\ud800surrogate\udc00"));
    }

    [Fact]
    public void GivenAVeryLongLine_WhenSanitized_ThenItIsCutToMaxColumnsWithAnEllipsis()
    {
        var result = _sanitizer.SanitizeLine(new string('x', 1000));

        Assert.Equal(new string('x', 19) + "…", result);
        Assert.Equal(20, CellWidth.OfDisplayed(result));
    }

    [Fact]
    public void GivenWideCharactersPastTheLimit_WhenSanitized_ThenTheResultNeverExceedsMaxColumns()
    {
        var result = _sanitizer.SanitizeLine(new string('中', 30));

        Assert.True(CellWidth.OfDisplayed(result) <= 20);
        Assert.EndsWith("…", result);
    }

    [Fact]
    public void GivenInvalidUtf8_WhenSanitized_ThenInvalidBytesBecomeReplacementCharacters()
    {
        byte[] bytes = [(byte)'o', (byte)'k', 0xC3, 0x28, 0xFF, (byte)'\n', 0xE4, 0xB8, 0xAD];

        var lines = _sanitizer.SanitizeLines(bytes);

        Assert.Equal(["ok\uFFFD(\uFFFD", "中"], lines);
    }

    [Fact]
    public void GivenAnEscapeSequenceSpanningALineFeed_WhenSanitizedAsLines_ThenItIsRemovedWhole()
    {
        var lines = _sanitizer.SanitizeLines("a\u001b]0;multi\nline title\u0007b\nc");

        Assert.Equal(["ab", "c"], lines);
    }

    [Fact]
    public void GivenSanitizedText_WhenWrittenToABuffer_ThenNoCellHoldsAControlCharacter()
    {
        var random = new Random(1234);
        var buffer = new CellBuffer(40, 1);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(1, 80)];
            random.NextBytes(bytes);
            foreach (var line in _sanitizer.SanitizeLines(bytes))
            {
                buffer.Clear();
                buffer.SetString(0, 0, line, Style.Default);
                Assert.DoesNotContain(buffer.ToLines()[0], c => char.IsControl(c) || c == '\uFFFF');
            }
        }
    }
}
