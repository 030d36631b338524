namespace AgentDeck.Terminal.Input;

/// <summary>Text pasted while bracketed paste mode was on (decoded as UTF-8, not yet sanitized).</summary>
public sealed record PasteEvent(string Text) : InputEvent;
