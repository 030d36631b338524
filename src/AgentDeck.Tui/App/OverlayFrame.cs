using AgentDeck.Terminal;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>A centred dialog box over the screen, cleared to the dialog colour.</summary>
public static class OverlayFrame
{
    public static Painter Open(Painter screen, int width, int height, string title)
    {
        var w = Math.Min(width, screen.Width);
        var h = Math.Min(height, screen.Height);
        var rect = new Rect((screen.Width - w) / 2, (screen.Height - h) / 2, w, h);
        var dialog = screen.OnDialog();
        dialog.Sub(rect).Fill(ThemeRole.Dialog);
        var inside = dialog.Box(rect, title, true);
        inside.Fill(ThemeRole.Dialog);
        return inside;
    }
}
