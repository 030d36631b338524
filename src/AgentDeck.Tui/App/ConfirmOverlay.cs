using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>Asks before a dangerous action: 'y' runs it, anything else cancels.</summary>
public sealed class ConfirmOverlay(string question, Action confirmed) : IOverlay
{
    public string Question { get; } = question;

    public bool Handle(KeyEvent key, DeckController deck)
    {
        if (key.Key == Key.Character && key.Rune.Value is 'y' or 'Y')
        {
            confirmed();
        }
        else
        {
            deck.Say("cancelled");
        }

        return false;
    }

    public void HandlePaste(string text)
    {
    }

    public void Draw(Painter screen, DeckController deck)
    {
        var inside = OverlayFrame.Open(screen, Math.Max(40, Question.Length + 6), 5, "Confirm");
        inside.Text(1, 0, Question, ThemeRole.Error);
        inside.Text(1, 2, "y = yes, any other key = no", ThemeRole.Muted);
    }
}
