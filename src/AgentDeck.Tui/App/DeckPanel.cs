namespace AgentDeck.Tui.App;

/// <summary>The panels Tab cycles through, in order.</summary>
public enum DeckPanel
{
    Workers,
    Routing,
    Team,
    Diff,
    Cost,
}
