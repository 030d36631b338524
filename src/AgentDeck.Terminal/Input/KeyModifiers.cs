namespace AgentDeck.Terminal.Input;

[Flags]
public enum KeyModifiers
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4,
}
