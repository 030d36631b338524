using System.Text;

namespace AgentDeck.Terminal.Input;

/// <summary>
/// The key sequences terminals send, as data: CSI and SS3 final bytes, CSI "n ~" numbers, C0 control bytes
/// (xterm, VT220, rxvt and the Linux console forms).
/// </summary>
internal static class EscapeSequenceTable
{
    /// <summary>CSI [1;m] X and SS3 X.</summary>
    public static readonly IReadOnlyDictionary<char, Key> ByFinal = new Dictionary<char, Key>
    {
        ['A'] = Key.Up, ['B'] = Key.Down, ['C'] = Key.Right, ['D'] = Key.Left,
        ['H'] = Key.Home, ['F'] = Key.End,
        ['P'] = Key.F1, ['Q'] = Key.F2, ['R'] = Key.F3, ['S'] = Key.F4,
        ['M'] = Key.Enter, // SS3 M: keypad Enter
    };

    /// <summary>CSI n [;m] ~.</summary>
    public static readonly IReadOnlyDictionary<int, Key> ByTildeNumber = new Dictionary<int, Key>
    {
        [1] = Key.Home, [2] = Key.Insert, [3] = Key.Delete, [4] = Key.End, [5] = Key.PageUp, [6] = Key.PageDown,
        [7] = Key.Home, [8] = Key.End,
        [11] = Key.F1, [12] = Key.F2, [13] = Key.F3, [14] = Key.F4, [15] = Key.F5,
        [17] = Key.F6, [18] = Key.F7, [19] = Key.F8, [20] = Key.F9, [21] = Key.F10,
        [23] = Key.F11, [24] = Key.F12,
    };

    /// <summary>Keys for code points in CSI codepoint;m u (fixterms / kitty) that are not printable.</summary>
    public static readonly IReadOnlyDictionary<int, Key> ByCodePoint = new Dictionary<int, Key>
    {
        [9] = Key.Tab, [13] = Key.Enter, [27] = Key.Escape, [127] = Key.Backspace,
    };

    public const int PasteStart = 200;
    public const int PasteEnd = 201;

    /// <summary>The key a single byte below 0x80 stands for.</summary>
    public static KeyEvent ForByte(byte b) => b switch
    {
        0x0D or 0x0A => KeyEvent.Of(Key.Enter),
        0x09 => KeyEvent.Of(Key.Tab),
        0x7F or 0x08 => KeyEvent.Of(Key.Backspace),
        0x1B => KeyEvent.Of(Key.Escape),
        0x00 => KeyEvent.Char(' ', KeyModifiers.Ctrl),
        < 0x1B => KeyEvent.Char((char)('a' + b - 1), KeyModifiers.Ctrl),
        < 0x20 => KeyEvent.Char((char)('\\' + b - 0x1C), KeyModifiers.Ctrl),
        _ => KeyEvent.Char((char)b),
    };

    /// <summary>xterm modifier parameter: 1 + (Shift 1 | Alt 2 | Ctrl 4 | Meta 8).</summary>
    public static KeyModifiers Modifiers(int parameter)
    {
        if (parameter <= 1)
        {
            return KeyModifiers.None;
        }

        var bits = parameter - 1;
        var modifiers = KeyModifiers.None;
        if ((bits & 1) != 0) modifiers |= KeyModifiers.Shift;
        if ((bits & (2 | 8)) != 0) modifiers |= KeyModifiers.Alt;
        if ((bits & 4) != 0) modifiers |= KeyModifiers.Ctrl;
        return modifiers;
    }

    public static KeyEvent ForCodePoint(int codePoint, KeyModifiers modifiers) =>
        ByCodePoint.TryGetValue(codePoint, out var key)
            ? KeyEvent.Of(key, modifiers)
            : Rune.IsValid(codePoint) ? KeyEvent.Char(new Rune(codePoint), modifiers) : KeyEvent.Char('\uFFFD', modifiers);
}
