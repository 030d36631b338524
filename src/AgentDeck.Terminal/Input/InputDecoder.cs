using System.Text;

namespace AgentDeck.Terminal.Input;

/// <summary>
/// A pure state machine that turns terminal input bytes into <see cref="InputEvent"/>s: UTF-8 text, control keys,
/// Alt (ESC prefix), CSI and SS3 key sequences with xterm modifiers, bracketed paste, SGR 1006 mouse and focus
/// reports. Unknown or malformed sequences are dropped. A lone ESC is only a key once <see cref="EscapeTimeout"/>
/// has passed on the injected clock without a following byte (call <see cref="Poll"/> when the wait ends).
/// </summary>
public sealed class InputDecoder
{
    private const byte Esc = 0x1B;
    private const int MaxSequenceLength = 64;
    private static readonly byte[] PasteEndMarker = "\u001b[201~"u8.ToArray();

    private readonly TimeProvider _clock;
    private readonly List<byte> _pending = new(MaxSequenceLength);
    private readonly List<byte> _paste = [];
    private State _state = State.Ground;
    private long _pendingSince;
    private int _utf8Expected;
    private bool _alt;

    public InputDecoder(TimeProvider clock, TimeSpan? escapeTimeout = null, TimeSpan? pasteTimeout = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        EscapeTimeout = escapeTimeout ?? TimeSpan.FromMilliseconds(50);
        PasteTimeout = pasteTimeout ?? TimeSpan.FromSeconds(2);
    }

    private enum State
    {
        Ground,
        Escape,
        Csi,
        Ss3,
        Utf8,
        Paste,
    }

    public TimeSpan EscapeTimeout { get; }

    /// <summary>An unterminated paste is delivered as it is after this long without input.</summary>
    public TimeSpan PasteTimeout { get; }

    /// <summary>How long the caller may wait for more input before calling <see cref="Poll"/>; null when nothing is pending.</summary>
    public TimeSpan? TimeUntilPoll
    {
        get
        {
            if (_state == State.Ground)
            {
                return null;
            }

            var remaining = TimeoutFor(_state) - _clock.GetElapsedTime(_pendingSince);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public void Feed(ReadOnlySpan<byte> bytes, ICollection<InputEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Poll(events);
        foreach (var b in bytes)
        {
            Step(b, events);
        }

        if (_state != State.Ground)
        {
            _pendingSince = _clock.GetTimestamp();
        }
    }

    /// <summary>Resolves what is pending once its timeout has passed: a lone ESC becomes the Escape key.</summary>
    public void Poll(ICollection<InputEvent> events)
    {
        if (_state == State.Ground || _clock.GetElapsedTime(_pendingSince) < TimeoutFor(_state))
        {
            return;
        }

        switch (_state)
        {
            case State.Escape:
                events.Add(KeyEvent.Of(Key.Escape));
                break;
            case State.Csi when _pending.Count == 0:
                events.Add(KeyEvent.Char('[', KeyModifiers.Alt));
                break;
            case State.Ss3 when _pending.Count == 0:
                events.Add(KeyEvent.Char('O', KeyModifiers.Alt));
                break;
            case State.Paste:
                events.Add(new PasteEvent(Encoding.UTF8.GetString(_paste.ToArray())));
                break;
        }

        Reset();
    }

    private TimeSpan TimeoutFor(State state) => state == State.Paste ? PasteTimeout : EscapeTimeout;

    private void Step(byte b, ICollection<InputEvent> events)
    {
        switch (_state)
        {
            case State.Ground:
                Ground(b, events);
                break;
            case State.Escape:
                AfterEscape(b, events);
                break;
            case State.Csi:
                Csi(b, events);
                break;
            case State.Ss3:
                Ss3(b, events);
                break;
            case State.Utf8:
                Utf8(b, events);
                break;
            case State.Paste:
                Paste(b, events);
                break;
        }
    }

    private void Ground(byte b, ICollection<InputEvent> events)
    {
        if (b == Esc)
        {
            _state = State.Escape;
            _pendingSince = _clock.GetTimestamp();
            return;
        }

        if (b < 0x80)
        {
            Emit(EscapeSequenceTable.ForByte(b), events);
            return;
        }

        var length = b switch
        {
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            >= 0xF0 and <= 0xF4 => 4,
            _ => 0,
        };
        if (length == 0)
        {
            Reset(); // a stray continuation byte or an invalid lead byte
            return;
        }

        _pending.Clear();
        _pending.Add(b);
        _utf8Expected = length;
        _state = State.Utf8;
    }

    private void AfterEscape(byte b, ICollection<InputEvent> events)
    {
        switch (b)
        {
            case (byte)'[':
                _pending.Clear();
                _state = State.Csi;
                break;
            case (byte)'O':
                _pending.Clear();
                _state = State.Ss3;
                break;
            case Esc:
                events.Add(KeyEvent.Of(Key.Escape));
                _pendingSince = _clock.GetTimestamp();
                break;
            case < 0x80:
                _state = State.Ground;
                _alt = true;
                Emit(EscapeSequenceTable.ForByte(b), events);
                break;
            default:
                _state = State.Ground;
                _alt = true;
                Ground(b, events);
                break;
        }
    }

    private void Csi(byte b, ICollection<InputEvent> events)
    {
        if (b is >= 0x20 and <= 0x3F)
        {
            if (_pending.Count >= MaxSequenceLength)
            {
                Reset();
                return;
            }

            _pending.Add(b);
            return;
        }

        if (b is >= 0x40 and <= 0x7E)
        {
            var parameters = Encoding.ASCII.GetString(_pending.ToArray());
            Reset();
            DispatchCsi(parameters, (char)b, events);
            return;
        }

        // Not part of a CSI sequence: drop what was collected and read the byte afresh.
        Reset();
        Ground(b, events);
    }

    private void Ss3(byte b, ICollection<InputEvent> events)
    {
        if (b is >= (byte)'0' and <= (byte)'9' or (byte)';' && _pending.Count < MaxSequenceLength)
        {
            _pending.Add(b);
            return;
        }

        var parameters = Encoding.ASCII.GetString(_pending.ToArray());
        Reset();
        if (b is >= 0x40 and <= 0x7E && EscapeSequenceTable.ByFinal.TryGetValue((char)b, out var key))
        {
            var modifier = parameters.Length == 0 ? 0 : int.TryParse(parameters.Split(';')[^1], out var m) ? m : 0;
            Emit(KeyEvent.Of(key, EscapeSequenceTable.Modifiers(modifier)), events);
        }
        else if (b is < 0x40 or > 0x7E)
        {
            Ground(b, events);
        }
    }

    private void Utf8(byte b, ICollection<InputEvent> events)
    {
        if (b is < 0x80 or > 0xBF)
        {
            Reset();
            Ground(b, events);
            return;
        }

        _pending.Add(b);
        if (_pending.Count < _utf8Expected)
        {
            return;
        }

        var bytes = _pending.ToArray();
        var alt = _alt;
        Reset();
        if (Rune.DecodeFromUtf8(bytes, out var rune, out _) == System.Buffers.OperationStatus.Done)
        {
            events.Add(KeyEvent.Char(rune, alt ? KeyModifiers.Alt : KeyModifiers.None));
        }
    }

    private void Paste(byte b, ICollection<InputEvent> events)
    {
        _paste.Add(b);
        if (b != (byte)'~' || _paste.Count < PasteEndMarker.Length)
        {
            return;
        }

        var tail = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_paste)[^PasteEndMarker.Length..];
        if (tail.SequenceEqual(PasteEndMarker))
        {
            _paste.RemoveRange(_paste.Count - PasteEndMarker.Length, PasteEndMarker.Length);
            events.Add(new PasteEvent(Encoding.UTF8.GetString(_paste.ToArray())));
            Reset();
        }
    }

    private void DispatchCsi(string parameters, char final, ICollection<InputEvent> events)
    {
        if (parameters.StartsWith('<'))
        {
            if (final is 'M' or 'm' && SgrMouse.TryParse(parameters.AsSpan(1), final == 'M', out var mouse))
            {
                events.Add(mouse);
            }

            return;
        }

        if (parameters.Length > 0 && !char.IsAsciiDigit(parameters[0]))
        {
            return; // private-mode replies (CSI ? … ) and the like are not keys
        }

        var fields = parameters.Split(';');
        switch (final)
        {
            case '~':
                DispatchTilde(fields, events);
                break;
            case 'u':
                if (int.TryParse(fields[0], out var codePoint))
                {
                    Emit(EscapeSequenceTable.ForCodePoint(codePoint, ModifiersOf(fields, 1)), events);
                }

                break;
            case 'Z':
                Emit(KeyEvent.Of(Key.Tab, KeyModifiers.Shift | ModifiersOf(fields, 1)), events);
                break;
            case 'I' when parameters.Length == 0:
                events.Add(new FocusEvent(true));
                break;
            case 'O' when parameters.Length == 0:
                events.Add(new FocusEvent(false));
                break;
            case not 'M' when EscapeSequenceTable.ByFinal.TryGetValue(final, out var key):
                Emit(KeyEvent.Of(key, ModifiersOf(fields, fields.Length > 1 ? 1 : 0)), events);
                break;
        }
    }

    private void DispatchTilde(string[] fields, ICollection<InputEvent> events)
    {
        if (!int.TryParse(fields[0], out var number))
        {
            return;
        }

        if (number == EscapeSequenceTable.PasteStart)
        {
            _paste.Clear();
            _state = State.Paste;
            _pendingSince = _clock.GetTimestamp();
            return;
        }

        if (EscapeSequenceTable.ByTildeNumber.TryGetValue(number, out var key))
        {
            Emit(KeyEvent.Of(key, ModifiersOf(fields, 1)), events);
        }
    }

    private static KeyModifiers ModifiersOf(string[] fields, int index) =>
        index > 0 && fields.Length > index && int.TryParse(fields[index], out var value)
            ? EscapeSequenceTable.Modifiers(value)
            : KeyModifiers.None;

    private void Emit(KeyEvent key, ICollection<InputEvent> events)
    {
        events.Add(_alt ? key.WithModifiers(KeyModifiers.Alt) : key);
        _alt = false;
    }

    private void Reset()
    {
        _state = State.Ground;
        _pending.Clear();
        _utf8Expected = 0;
        _alt = false;
    }
}
