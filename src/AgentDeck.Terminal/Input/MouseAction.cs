namespace AgentDeck.Terminal.Input;

public enum MouseAction
{
    Press,
    Release,
    Drag,
    Move,
    WheelUp,
    WheelDown,
    WheelLeft,
    WheelRight,
}
