namespace AgentDeck.Terminal.Input;

/// <summary>Something the user did: a key, a paste, a mouse action, a focus change or a resize.</summary>
public abstract record InputEvent;
