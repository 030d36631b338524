namespace AgentDeck.Tui.Keys;

/// <summary>Where a command applies: everywhere, on the worker grid, or in the focused worker view.</summary>
public enum KeyScope
{
    Global,
    Grid,
    Focus,
}
