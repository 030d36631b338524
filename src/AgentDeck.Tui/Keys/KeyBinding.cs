namespace AgentDeck.Tui.Keys;

/// <summary>A chord bound to a command; <see cref="FromConfig"/> when the user's [keys] table set it.</summary>
public sealed record KeyBinding(KeyChord Chord, DeckCommand Command, bool FromConfig);
