using System.Text;
using AgentDeck.Terminal.Input;

namespace AgentDeck.Tui.Keys;

/// <summary>
/// A key as written in config and help: "n", "?", "Enter", "Esc", "Tab", "Space", "PageDown", "F1", "Ctrl+c", "Alt+x".
/// Shift is part of a printed character ('?' or 'N'), so character chords ignore it.
/// </summary>
public readonly record struct KeyChord(Key Key, Rune Rune, KeyModifiers Modifiers)
{
    private static readonly Dictionary<string, Key> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Enter"] = Key.Enter, ["Tab"] = Key.Tab, ["Backspace"] = Key.Backspace, ["Esc"] = Key.Escape, ["Escape"] = Key.Escape,
        ["Up"] = Key.Up, ["Down"] = Key.Down, ["Left"] = Key.Left, ["Right"] = Key.Right, ["Home"] = Key.Home, ["End"] = Key.End,
        ["PageUp"] = Key.PageUp, ["PageDown"] = Key.PageDown, ["Insert"] = Key.Insert, ["Delete"] = Key.Delete,
        ["F1"] = Key.F1, ["F2"] = Key.F2, ["F3"] = Key.F3, ["F4"] = Key.F4, ["F5"] = Key.F5, ["F6"] = Key.F6,
        ["F7"] = Key.F7, ["F8"] = Key.F8, ["F9"] = Key.F9, ["F10"] = Key.F10, ["F11"] = Key.F11, ["F12"] = Key.F12,
    };

    public static KeyChord Char(char c, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Character, new Rune(c), modifiers);

    public static KeyChord Of(Key key, KeyModifiers modifiers = KeyModifiers.None) => new(key, default, modifiers);

    public static bool TryParse(string text, out KeyChord chord)
    {
        chord = default;
        var modifiers = KeyModifiers.None;
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var plus = rest.IndexOf('+', 1);
            if (plus < 0)
            {
                break;
            }

            var prefix = rest[..plus];
            if (prefix.Equals("Ctrl", StringComparison.OrdinalIgnoreCase)) modifiers |= KeyModifiers.Ctrl;
            else if (prefix.Equals("Alt", StringComparison.OrdinalIgnoreCase)) modifiers |= KeyModifiers.Alt;
            else if (prefix.Equals("Shift", StringComparison.OrdinalIgnoreCase)) modifiers |= KeyModifiers.Shift;
            else return false;
            rest = rest[(plus + 1)..];
        }

        if (rest.Length == 0)
        {
            return false;
        }

        if (rest.Equals("Space", StringComparison.OrdinalIgnoreCase))
        {
            chord = Char(' ', modifiers);
            return true;
        }

        if (Named.TryGetValue(rest, out var key))
        {
            chord = Of(key, modifiers);
            return true;
        }

        if (Rune.TryGetRuneAt(rest, 0, out var rune) && rune.Utf16SequenceLength == rest.Length && !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune))
        {
            var lower = (modifiers & KeyModifiers.Ctrl) != 0 ? Rune.ToLowerInvariant(rune) : rune;
            chord = new KeyChord(Key.Character, lower, modifiers & ~KeyModifiers.Shift);
            return true;
        }

        return false;
    }

    public bool Matches(KeyEvent key)
    {
        if (key.Key != Key)
        {
            return false;
        }

        return Key == Key.Character
            ? key.Rune == Rune && (key.Modifiers & ~KeyModifiers.Shift) == Modifiers
            : key.Modifiers == Modifiers;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        if ((Modifiers & KeyModifiers.Ctrl) != 0) text.Append("Ctrl+");
        if ((Modifiers & KeyModifiers.Alt) != 0) text.Append("Alt+");
        if ((Modifiers & KeyModifiers.Shift) != 0) text.Append("Shift+");
        text.Append(Key switch
        {
            Key.Character when Rune.Value == ' ' => "Space",
            Key.Character => Rune.ToString(),
            Key.Escape => "Esc",
            _ => Key.ToString(),
        });
        return text.ToString();
    }
}
