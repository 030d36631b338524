namespace AgentDeck.Terminal.Input;

public enum MouseButton
{
    None,
    Left,
    Middle,
    Right,
}
