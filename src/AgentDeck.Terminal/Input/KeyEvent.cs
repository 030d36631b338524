using System.Text;

namespace AgentDeck.Terminal.Input;

/// <summary>A key press. <see cref="Rune"/> is set for <see cref="Key.Character"/> (Ctrl+C is 'c' with Ctrl) and is U+0000 otherwise.</summary>
public sealed record KeyEvent(Key Key, Rune Rune, KeyModifiers Modifiers) : InputEvent
{
    public static KeyEvent Of(Key key, KeyModifiers modifiers = KeyModifiers.None) => new(key, default, modifiers);

    public static KeyEvent Char(char c, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Character, new Rune(c), modifiers);

    public static KeyEvent Char(Rune rune, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Character, rune, modifiers);

    public KeyEvent WithModifiers(KeyModifiers modifiers) => this with { Modifiers = Modifiers | modifiers };

    public override string ToString()
    {
        var prefix = new StringBuilder();
        foreach (var modifier in new[] { KeyModifiers.Ctrl, KeyModifiers.Alt, KeyModifiers.Shift })
        {
            if (Modifiers.HasFlag(modifier))
            {
                prefix.Append(modifier).Append('+');
            }
        }

        return prefix + (Key == Key.Character ? Rune.ToString() : Key.ToString());
    }
}
