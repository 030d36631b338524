using AgentDeck.Terminal.Input;

namespace AgentDeck.Terminal.Tests;

public sealed class TerminalSessionTests
{
    private const string EnterAll = "\u001b[?1049h\u001b[?25l\u001b[?2004h\u001b[?1000h\u001b[?1002h\u001b[?1006h\u001b[?1004h";
    private const string ExitAll = "\u001b[0m\u001b[?1004l\u001b[?1006l\u001b[?1002l\u001b[?1000l\u001b[?2004l\u001b[?25h\u001b[?1049l";

    private readonly FakeTerminalDevice _device = new();
    private readonly RecordingStream _output = new();
    private readonly ManualClock _clock = new();

    private TerminalSession Open(TerminalSessionOptions? options = null) =>
        new(_device, _output, options ?? new TerminalSessionOptions { ColorDepth = ColorDepth.TrueColor }, _clock, handleProcessEvents: false);

    [Fact]
    public void GivenATerminal_WhenASessionStarts_ThenRawModeIsOnAndEveryModeIsEnabledInOneWrite()
    {
        using var session = Open();

        Assert.Equal(["raw"], _device.Calls);
        Assert.Equal([EnterAll], _output.Writes);
        Assert.Equal((80, 24), (session.Width, session.Height));
    }

    [Fact]
    public void GivenASession_WhenDisposed_ThenModesAreUndoneInReverseAndTheTerminalModeIsRestoredOnce()
    {
        var session = Open();

        session.Dispose();
        session.Dispose();

        Assert.Equal([EnterAll, ExitAll], _output.Writes);
        Assert.Equal(["raw", "restore"], _device.Calls);
    }

    [Fact]
    public void GivenOptionsWithoutMouseAndFocus_WhenTheSessionRuns_ThenThoseModesAreNeverTouched()
    {
        var session = Open(new TerminalSessionOptions { Mouse = false, FocusReporting = false, ColorDepth = ColorDepth.None });
        session.Dispose();

        Assert.Equal(["\u001b[?1049h\u001b[?25l\u001b[?2004h", "\u001b[0m\u001b[?2004l\u001b[?25h\u001b[?1049l"], _output.Writes);
    }

    [Fact]
    public void GivenTheTerminalIsGone_WhenDisposed_ThenTheModeIsStillRestored()
    {
        var session = Open();
        _output.FailWrites = true;

        session.Dispose();

        Assert.Equal(["raw", "restore"], _device.Calls);
    }

    [Fact]
    public void GivenRawModeCannotBeEntered_WhenASessionStarts_ThenTheErrorSaysWhatToDoAndNothingIsWritten()
    {
        var device = new FakeTerminalDevice { FailOnRawMode = new TerminalUnavailableException("not a terminal; use the CLI") };

        var error = Assert.Throws<TerminalUnavailableException>(() =>
            new TerminalSession(device, _output, new TerminalSessionOptions(), _clock, handleProcessEvents: false));

        Assert.Contains("use the CLI", error.Message);
        Assert.Empty(_output.Writes);
    }

    [Fact]
    public void GivenFrames_WhenDrawn_ThenEachDrawIsOneWriteOfOnlyTheDifference()
    {
        using var session = Open();
        var frame = CellBuffer.FromLines("ab", "cd");

        session.Draw(frame);
        session.Draw(frame);
        frame.SetString(1, 1, "X", Style.Default);
        session.Draw(frame);

        Assert.Equal([EnterAll, "\u001b[0m\u001b[2J\u001b[Hab\u001b[2Hcd", "\u001b[2;2HX"], _output.Writes);
        Assert.Equal(7, session.LastFrameBytes);
    }

    [Fact]
    public void GivenADisposedSession_WhenDrawn_ThenItRefuses()
    {
        var session = Open();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Draw(new CellBuffer(1, 1)));
    }

    [Fact]
    public void GivenTypedBytes_WhenEventsAreRead_ThenTheyAreDecoded()
    {
        _device.Type("\u001b[1;5Aq");
        using var session = Open();

        var events = ReadUntil(session, 2);

        Assert.Equal([KeyEvent.Of(Key.Up, KeyModifiers.Ctrl), KeyEvent.Char('q')], events);
    }

    [Fact]
    public void GivenALoneEsc_WhenTheInjectedClockPassesTheTimeout_ThenTheEscapeKeyIsRead()
    {
        _device.Type("\u001b");
        using var session = Open();
        var first = ReadUntil(session, 0);

        _clock.Advance(TimeSpan.FromMilliseconds(60));
        var events = session.ReadEvents(TimeSpan.Zero);

        Assert.Empty(first);
        Assert.Equal([KeyEvent.Of(Key.Escape)], events);
    }

    [Fact]
    public void GivenAWindowResize_WhenSignalled_ThenAResizeEventCarriesTheNewSize()
    {
        using var session = Open();
        _device.Size = (120, 40);

        session.NotifyResized();
        var events = session.ReadEvents(TimeSpan.FromSeconds(5));

        Assert.Equal([new ResizeEvent(120, 40)], events);
        Assert.Equal((120, 40), (session.Width, session.Height));
    }

    [Fact]
    public async Task GivenAReaderWaitingWithoutATimeout_WhenWoken_ThenItReturnsWithNoEvents()
    {
        using var session = Open();

        var read = Task.Run(() => session.ReadEvents(Timeout.InfiniteTimeSpan));
        session.Wake();
        var events = await read.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(events);
    }

    // Input arrives on the session's own thread; read until the expected count (bounded, not timed).
    private static List<InputEvent> ReadUntil(TerminalSession session, int count)
    {
        var events = new List<InputEvent>();
        for (var attempt = 0; attempt < 100 && (events.Count < count || attempt == 0); attempt++)
        {
            events.AddRange(session.ReadEvents(TimeSpan.FromMilliseconds(50)));
        }

        return events;
    }
}
