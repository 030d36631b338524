namespace AgentDeck.Terminal.Input;

/// <summary>A mouse action at a zero-based cell position (SGR 1006 reports are one-based).</summary>
public sealed record MouseEvent(MouseAction Action, MouseButton Button, int X, int Y, KeyModifiers Modifiers = KeyModifiers.None) : InputEvent;
