namespace AgentDeck.Terminal.Tests;

public sealed class ColorTests
{
    [Theory]
    [InlineData(null, null, null, ColorDepth.Ansi16)]
    [InlineData("1", "xterm-256color", "truecolor", ColorDepth.None)]
    [InlineData("", "xterm-256color", null, ColorDepth.Ansi256)]
    [InlineData(null, "dumb", "truecolor", ColorDepth.None)]
    [InlineData(null, "xterm", "truecolor", ColorDepth.TrueColor)]
    [InlineData(null, "xterm", "24bit", ColorDepth.TrueColor)]
    [InlineData(null, "tmux-256color", null, ColorDepth.Ansi256)]
    [InlineData(null, "xterm-direct", null, ColorDepth.TrueColor)]
    [InlineData(null, "linux", null, ColorDepth.Ansi16)]
    public void GivenAnEnvironment_WhenDetected_ThenTheColourDepthFollowsNoColorColortermAndTerm(
        string? noColor, string? term, string? colorTerm, ColorDepth expected)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term, ["COLORTERM"] = colorTerm };

        Assert.Equal(expected, ColorDepthDetector.Detect(name => environment.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData(0, 0, 0, 16)]
    [InlineData(255, 255, 255, 231)]
    [InlineData(255, 0, 0, 196)]
    [InlineData(128, 128, 128, 244)]
    [InlineData(18, 18, 18, 233)]
    [InlineData(95, 135, 175, 67)]
    public void GivenRgb_WhenReducedTo256_ThenTheNearestCubeOrGreyEntryIsChosen(byte r, byte g, byte b, byte expected)
    {
        Assert.Equal(expected, ColorDownsampler.ToIndexed(r, g, b));
    }

    [Theory]
    [InlineData(250, 10, 10, 9)]
    [InlineData(190, 0, 0, 1)]
    [InlineData(10, 10, 10, 0)]
    [InlineData(250, 250, 250, 15)]
    [InlineData(235, 235, 235, 7)]
    [InlineData(0, 190, 200, 6)]
    public void GivenRgb_WhenReducedTo16_ThenTheNearestAnsiColourIsChosen(byte r, byte g, byte b, int expected)
    {
        Assert.Equal(TerminalColor.Ansi(expected), ColorDownsampler.Reduce(TerminalColor.FromRgb(r, g, b), ColorDepth.Ansi16));
    }

    [Fact]
    public void GivenAnIndexedColour_WhenReducedTo16_ThenSystemColoursKeepTheirIndexAndOthersAreMatched()
    {
        Assert.Equal(TerminalColor.Ansi(12), ColorDownsampler.Reduce(TerminalColor.Indexed(12), ColorDepth.Ansi16));
        Assert.Equal(TerminalColor.Ansi(9), ColorDownsampler.Reduce(TerminalColor.Indexed(196), ColorDepth.Ansi16));
    }

    [Fact]
    public void GivenAnyColour_WhenReducedToNone_ThenItIsTheDefault()
    {
        Assert.Equal(TerminalColor.Default, ColorDownsampler.Reduce(TerminalColor.Red, ColorDepth.None));
    }
}
