using AgentDeck.Terminal;
using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>
/// The screen's loop: wait for input (bounded), refresh from the source, redraw when input came, data changed or a
/// second passed (elapsed times). With a change notifier (the ledger's files watched) new data wakes the loop at once,
/// at most one refresh per <see cref="MinRefreshInterval"/> however fast workers write, and the poll becomes a slow
/// safety net; without one the loop polls every <see cref="PollInterval"/>. Each refresh is gated on a change stamp in
/// the CLI, so an idle screen costs a few stat calls per poll.
/// </summary>
public sealed class DeckApp(DeckOptions options)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan NotifiedPollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMilliseconds(15);
    public static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(1);

    private int _changed;

    public DeckController Controller { get; } = new(options);

    /// <summary>Runs until the person quits; the session restores the terminal when disposed.</summary>
    public void Run(TerminalSession session)
    {
        var frame = new CellBuffer(session.Width, session.Height);
        var clock = options.Clock;
        using var watch = options.Changes?.Watch(() =>
        {
            // Only the first change after a refresh wakes the loop; the rest ride along with that refresh.
            if (Interlocked.Exchange(ref _changed, 1) == 0)
            {
                session.Wake();
            }
        });
        var poll = options.Changes is null ? PollInterval : NotifiedPollInterval;
        Controller.Refresh();
        var lastDraw = clock.GetUtcNow();
        var lastRefresh = lastDraw;
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

            var wait = Volatile.Read(ref _changed) == 1 ? MinRefreshInterval - (clock.GetUtcNow() - lastRefresh) : poll;
            foreach (var input in session.ReadEvents(wait > TimeSpan.Zero ? wait : TimeSpan.Zero))
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

            if (Volatile.Read(ref _changed) == 1 && clock.GetUtcNow() - lastRefresh < MinRefreshInterval)
            {
                continue;
            }

            Interlocked.Exchange(ref _changed, 0);
            dirty |= Controller.Refresh();
            lastRefresh = clock.GetUtcNow();
        }
    }
}
