namespace AgentDeck.Terminal.Input;

/// <summary>The terminal window gained (CSI I) or lost (CSI O) focus.</summary>
public sealed record FocusEvent(bool Focused) : InputEvent;
