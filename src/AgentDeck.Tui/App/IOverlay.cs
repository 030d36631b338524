using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Screens;

namespace AgentDeck.Tui.App;

/// <summary>A layer over the screen that takes the keys while it is open (help, palette, input line, confirm, spawn).</summary>
public interface IOverlay
{
    /// <summary>Handles a key; returns false to close the overlay.</summary>
    bool Handle(KeyEvent key, DeckController deck);

    void HandlePaste(string text);

    void Draw(Painter screen, DeckController deck);
}
