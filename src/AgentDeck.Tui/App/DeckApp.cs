using AgentDeck.Terminal;
using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>
/// The screen's loop: wait for input (bounded), poll the source, redraw when input came, data changed or a second
/// passed (elapsed times). Waiting on input is a blocking read; the short poll interval keeps worker output on screen
/// within ~50 ms, and the CLI gates each poll on a change stamp, so an idle screen costs a few stat calls per poll.
/// </summary>
public sealed class DeckApp(DeckOptions options)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(1);

    public DeckController Controller { get; } = new(options);

    /// <summary>Runs until the person quits; the session restores the terminal when disposed.</summary>
    public void Run(TerminalSession session)
    {
        var frame = new CellBuffer(session.Width, session.Height);
        var clock = options.Clock;
        Controller.Refresh();
        var lastDraw = clock.GetUtcNow();
        var dirty = true;
        while (!Controller.QuitRequested)
        {
            if (clock.GetUtcNow() - lastDraw >= ClockInterval && options.ThemeReload?.Check(Controller.Theme) is { } reloaded)
            {
                Controller.ApplyTheme(reloaded);
                dirty = true;
            }

            if (dirty || clock.GetUtcNow() - lastDraw >= ClockInterval)
            {
                frame.Clear();
                DeckView.Draw(frame, Controller);
                session.Draw(frame);
                lastDraw = clock.GetUtcNow();
                dirty = false;
            }

            foreach (var input in session.ReadEvents(PollInterval))
            {
                dirty = true;
                switch (input)
                {
                    case KeyEvent key:
                        Controller.HandleKey(key);
                        break;
                    case PasteEvent paste:
                        Controller.HandlePaste(paste.Text);
                        break;
                    case ResizeEvent resize:
                        frame.Resize(resize.Width, resize.Height);
                        session.Invalidate();
                        break;
                }
            }

            dirty |= Controller.Refresh();
        }
    }
}
