using System.Text;
using AgentDeck.Terminal.Input;

namespace AgentDeck.Terminal.Tests;

public sealed class InputDecoderTests
{
    private const KeyModifiers Ctrl = KeyModifiers.Ctrl;
    private const KeyModifiers Alt = KeyModifiers.Alt;
    private const KeyModifiers Shift = KeyModifiers.Shift;

    private readonly ManualClock _clock = new();
    private readonly InputDecoder _decoder;

    public InputDecoderTests() => _decoder = new InputDecoder(_clock);

    private List<InputEvent> Feed(string input) => Feed(Encoding.UTF8.GetBytes(input));

    private List<InputEvent> Feed(byte[] bytes)
    {
        var events = new List<InputEvent>();
        _decoder.Feed(bytes, events);
        return events;
    }

    public static TheoryData<string, InputEvent[]> KeyTable => new()
    {
        { "a", [KeyEvent.Char('a')] },
        { "A", [KeyEvent.Char('A')] },
        { "hi", [KeyEvent.Char('h'), KeyEvent.Char('i')] },
        { "é中😀", [KeyEvent.Char('é'), KeyEvent.Char('中'), KeyEvent.Char(new Rune(0x1F600))] },
        { "\r", [KeyEvent.Of(Key.Enter)] },
        { "\n", [KeyEvent.Of(Key.Enter)] },
        { "\t", [KeyEvent.Of(Key.Tab)] },
        { "\u007f", [KeyEvent.Of(Key.Backspace)] },
        { "\b", [KeyEvent.Of(Key.Backspace)] },
        { "\u0001", [KeyEvent.Char('a', Ctrl)] },
        { "\u0003", [KeyEvent.Char('c', Ctrl)] },
        { "\u001a", [KeyEvent.Char('z', Ctrl)] },
        { "\0", [KeyEvent.Char(' ', Ctrl)] },
        { "\u001c", [KeyEvent.Char('\\', Ctrl)] },
        { "\u001f", [KeyEvent.Char('_', Ctrl)] },
        { "\u001bx", [KeyEvent.Char('x', Alt)] },
        { "\u001b\r", [KeyEvent.Of(Key.Enter, Alt)] },
        { "\u001b\u0003", [KeyEvent.Char('c', Ctrl | Alt)] },
        { "\u001bé", [KeyEvent.Char('é', Alt)] },
        { "\u001b[A", [KeyEvent.Of(Key.Up)] },
        { "\u001b[B", [KeyEvent.Of(Key.Down)] },
        { "\u001b[C", [KeyEvent.Of(Key.Right)] },
        { "\u001b[D", [KeyEvent.Of(Key.Left)] },
        { "\u001bOA", [KeyEvent.Of(Key.Up)] },
        { "\u001b[H", [KeyEvent.Of(Key.Home)] },
        { "\u001b[F", [KeyEvent.Of(Key.End)] },
        { "\u001bOH", [KeyEvent.Of(Key.Home)] },
        { "\u001b[1~", [KeyEvent.Of(Key.Home)] },
        { "\u001b[4~", [KeyEvent.Of(Key.End)] },
        { "\u001b[2~", [KeyEvent.Of(Key.Insert)] },
        { "\u001b[3~", [KeyEvent.Of(Key.Delete)] },
        { "\u001b[5~", [KeyEvent.Of(Key.PageUp)] },
        { "\u001b[6~", [KeyEvent.Of(Key.PageDown)] },
        { "\u001b[1;5A", [KeyEvent.Of(Key.Up, Ctrl)] },
        { "\u001b[1;2B", [KeyEvent.Of(Key.Down, Shift)] },
        { "\u001b[1;3C", [KeyEvent.Of(Key.Right, Alt)] },
        { "\u001b[1;8D", [KeyEvent.Of(Key.Left, Shift | Alt | Ctrl)] },
        { "\u001b[3;5~", [KeyEvent.Of(Key.Delete, Ctrl)] },
        { "\u001b[6;2~", [KeyEvent.Of(Key.PageDown, Shift)] },
        { "\u001b[Z", [KeyEvent.Of(Key.Tab, Shift)] },
        { "\u001bOP", [KeyEvent.Of(Key.F1)] },
        { "\u001bOQ", [KeyEvent.Of(Key.F2)] },
        { "\u001bOR", [KeyEvent.Of(Key.F3)] },
        { "\u001bOS", [KeyEvent.Of(Key.F4)] },
        { "\u001b[1;5P", [KeyEvent.Of(Key.F1, Ctrl)] },
        { "\u001b[11~", [KeyEvent.Of(Key.F1)] },
        { "\u001b[15~", [KeyEvent.Of(Key.F5)] },
        { "\u001b[17~", [KeyEvent.Of(Key.F6)] },
        { "\u001b[18~", [KeyEvent.Of(Key.F7)] },
        { "\u001b[19~", [KeyEvent.Of(Key.F8)] },
        { "\u001b[20~", [KeyEvent.Of(Key.F9)] },
        { "\u001b[21~", [KeyEvent.Of(Key.F10)] },
        { "\u001b[23~", [KeyEvent.Of(Key.F11)] },
        { "\u001b[24~", [KeyEvent.Of(Key.F12)] },
        { "\u001b[24;2~", [KeyEvent.Of(Key.F12, Shift)] },
        { "\u001b[13;5u", [KeyEvent.Of(Key.Enter, Ctrl)] },
        { "\u001b[97;6u", [KeyEvent.Char('a', Ctrl | Shift)] },
        { "\u001b[I", [new FocusEvent(true)] },
        { "\u001b[O", [new FocusEvent(false)] },
        { "\u001b[<0;10;5M", [new MouseEvent(MouseAction.Press, MouseButton.Left, 9, 4)] },
        { "\u001b[<0;10;5m", [new MouseEvent(MouseAction.Release, MouseButton.Left, 9, 4)] },
        { "\u001b[<2;1;1M", [new MouseEvent(MouseAction.Press, MouseButton.Right, 0, 0)] },
        { "\u001b[<1;3;3M", [new MouseEvent(MouseAction.Press, MouseButton.Middle, 2, 2)] },
        { "\u001b[<32;200;50M", [new MouseEvent(MouseAction.Drag, MouseButton.Left, 199, 49)] },
        { "\u001b[<35;7;8M", [new MouseEvent(MouseAction.Move, MouseButton.None, 6, 7)] },
        { "\u001b[<64;4;4M", [new MouseEvent(MouseAction.WheelUp, MouseButton.None, 3, 3)] },
        { "\u001b[<65;4;4M", [new MouseEvent(MouseAction.WheelDown, MouseButton.None, 3, 3)] },
        { "\u001b[<20;2;2M", [new MouseEvent(MouseAction.Press, MouseButton.Left, 1, 1, Ctrl | Shift)] },
        { "\u001b[<8;2;2m", [new MouseEvent(MouseAction.Release, MouseButton.Left, 1, 1, Alt)] },
        { "\u001b[200~hello\r\nworld\u001b[201~", [new PasteEvent("hello\r\nworld")] },
        { "\u001b[200~\u001b[A中\u001b[201~x", [new PasteEvent("\u001b[A中"), KeyEvent.Char('x')] },
        { "\u001b[?1;2c", [] }, // device attributes reply
        { "\u001b[99~", [] },
        { "\u001b[1;5X", [] },
        { "\u001b[<0;0;0M", [] }, // coordinates are 1-based; 0 is malformed
        { "\u001b[<1;2;3;4M", [] }, // four fields: not an SGR mouse report
        { "\u001b[<1;2g", [] },
        { "\u001b[12\u0003", [KeyEvent.Char('c', Ctrl)] }, // a control byte aborts the sequence and is read afresh
        { "\u001b[Ax\u001b[1;5B", [KeyEvent.Of(Key.Up), KeyEvent.Char('x'), KeyEvent.Of(Key.Down, Ctrl)] },
        { "\u001b\u001b", [KeyEvent.Of(Key.Escape)] }, // the second ESC waits for its timeout
    };

    [Theory]
    [MemberData(nameof(KeyTable))]
    public void GivenBytes_WhenFed_ThenTheExpectedEventsArePublished(string input, InputEvent[] expected)
    {
        Assert.Equal(expected, Feed(input));
    }

    [Fact]
    public void GivenInvalidUtf8_WhenFed_ThenInvalidBytesAreDroppedAndValidInputStillDecodes()
    {
        Assert.Equal([KeyEvent.Char('a'), KeyEvent.Char('b'), KeyEvent.Char('c')], Feed([(byte)'a', 0xFF, 0x80, (byte)'b', 0xE4, 0xB8, (byte)'c']));
    }

    [Fact]
    public void GivenASequenceSplitAcrossReads_WhenFedPieceByPiece_ThenItDecodesAsOne()
    {
        var events = new List<InputEvent>();
        foreach (var piece in new[] { "\u001b", "[1;", "5", "A" })
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            _decoder.Feed(Encoding.ASCII.GetBytes(piece), events);
        }

        Assert.Equal([KeyEvent.Of(Key.Up, Ctrl)], events);
    }

    [Fact]
    public void GivenAMultiByteCharacterSplitAcrossReads_WhenFed_ThenItDecodesAsOne()
    {
        var bytes = Encoding.UTF8.GetBytes("😀");
        var events = Feed(bytes[..1]);
        events.AddRange(Feed(bytes[1..]));

        Assert.Equal([KeyEvent.Char(new Rune(0x1F600))], events);
    }

    [Fact]
    public void GivenALoneEsc_WhenTheTimeoutHasNotPassed_ThenNothingIsPublished()
    {
        var events = Feed("\u001b");
        _clock.Advance(TimeSpan.FromMilliseconds(49));
        _decoder.Poll(events);

        Assert.Empty(events);
        Assert.Equal(TimeSpan.FromMilliseconds(1), _decoder.TimeUntilPoll);
    }

    [Fact]
    public void GivenALoneEsc_WhenTheTimeoutPasses_ThenTheEscapeKeyIsPublished()
    {
        var events = Feed("\u001b");
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        _decoder.Poll(events);

        Assert.Equal([KeyEvent.Of(Key.Escape)], events);
        Assert.Null(_decoder.TimeUntilPoll);
    }

    [Fact]
    public void GivenEscThenALetterAfterTheTimeout_WhenFed_ThenTheyAreEscapeAndTheLetterNotAlt()
    {
        var events = Feed("\u001b");
        _clock.Advance(TimeSpan.FromMilliseconds(80));
        events.AddRange(Feed("x"));

        Assert.Equal([KeyEvent.Of(Key.Escape), KeyEvent.Char('x')], events);
    }

    [Fact]
    public void GivenEscThenALetterWithinTheTimeout_WhenFed_ThenTheyAreAltLetter()
    {
        var events = Feed("\u001b");
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        events.AddRange(Feed("x"));

        Assert.Equal([KeyEvent.Char('x', Alt)], events);
    }

    [Fact]
    public void GivenEscBracketAndNothingMore_WhenTheTimeoutPasses_ThenItIsAltBracket()
    {
        var events = Feed("\u001b[");
        _clock.Advance(TimeSpan.FromMilliseconds(60));
        _decoder.Poll(events);

        Assert.Equal([KeyEvent.Char('[', Alt)], events);
    }

    [Fact]
    public void GivenAnUnterminatedPaste_WhenThePasteTimeoutPasses_ThenWhatArrivedIsDeliveredAndInputWorksAgain()
    {
        var events = Feed("\u001b[200~partial");
        _clock.Advance(TimeSpan.FromSeconds(3));
        _decoder.Poll(events);
        events.AddRange(Feed("q"));

        Assert.Equal([new PasteEvent("partial"), KeyEvent.Char('q')], events);
    }

    [Fact]
    public void GivenAnOverlongSequence_WhenFed_ThenItIsDroppedAndTheDecoderRecovers()
    {
        var events = Feed("\u001b[" + new string('1', 500) + "~z");

        Assert.Equal([KeyEvent.Char('1'), KeyEvent.Char('~'), KeyEvent.Char('z')], events.Skip(events.Count - 3));
        Assert.DoesNotContain(events, e => e is KeyEvent { Key: not Key.Character });
    }

    [Fact]
    public void GivenRandomBytes_WhenFed_ThenTheDecoderNeverThrows()
    {
        var random = new Random(42);
        var events = new List<InputEvent>();
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(1, 32)];
            random.NextBytes(bytes);
            _decoder.Feed(bytes, events);
            _clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 100)));
            _decoder.Poll(events);
        }

        Assert.NotEmpty(events);
    }
}
