namespace AgentDeck.Terminal.Input;

/// <summary>The terminal now has this many columns and rows (raised on SIGWINCH).</summary>
public sealed record ResizeEvent(int Width, int Height) : InputEvent;
