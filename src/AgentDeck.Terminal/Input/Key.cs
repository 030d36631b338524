namespace AgentDeck.Terminal.Input;

/// <summary>The key of a <see cref="KeyEvent"/>; printable input (and Ctrl+letter) is <see cref="Character"/> with a rune.</summary>
public enum Key
{
    Character,
    Enter,
    Tab,
    Backspace,
    Escape,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
}
