using Spectre.Console.Rendering;

namespace AgentDeck.Terminal.Tests;

public sealed class CellWidthTests
{
    [Theory]
    [InlineData("a", 1)]
    [InlineData("中文", 4)]
    [InlineData("한", 2)]
    [InlineData("ｱ", 1)] // half-width katakana
    [InlineData("😀", 2)]
    [InlineData("e\u0301", 1)] // combining acute
    [InlineData("👨\u200d👩\u200d👧", 6)] // ZWJ family: Spectre sums the parts
    [InlineData("🇺🇸", 4)] // regional indicators: two astral characters
    [InlineData("❤\ufe0f", 1)] // variation selector is zero width
    [InlineData("\u200b", 0)]
    public void GivenText_WhenMeasured_ThenWidthMatchesSpectre(string text, int expected)
    {
        Assert.Equal(expected, CellWidth.Of(text));
        Assert.Equal(new Segment(text).CellCount(), CellWidth.Of(text));
    }

    [Fact]
    public void GivenEveryBmpCharacter_WhenMeasured_ThenAgreesWithSpectreSegmentCellCount()
    {
        for (var c = 0; c < 0xFFFF; c += 7)
        {
            Assert.Equal(new Segment(((char)c).ToString()).CellCount(), CellWidth.Of((char)c));
        }
    }
}
