using System.Text;

namespace AgentDeck.Terminal;

/// <summary>The DEC private mode sequences written when a session starts and, in reverse, when it ends.</summary>
internal static class TerminalModes
{
    private static readonly (Func<TerminalSessionOptions, bool> Enabled, string On, string Off)[] Modes =
    [
        (o => o.AlternateScreen, "\u001b[?1049h", "\u001b[?1049l"),
        (_ => true, "\u001b[?25l", "\u001b[?25h"), // hide the cursor
        (o => o.BracketedPaste, "\u001b[?2004h", "\u001b[?2004l"),
        (o => o.Mouse, "\u001b[?1000h\u001b[?1002h\u001b[?1006h", "\u001b[?1006l\u001b[?1002l\u001b[?1000l"),
        (o => o.FocusReporting, "\u001b[?1004h", "\u001b[?1004l"),
    ];

    public static byte[] Enter(TerminalSessionOptions options)
    {
        var text = new StringBuilder();
        foreach (var mode in Modes.Where(m => m.Enabled(options)))
        {
            text.Append(mode.On);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static byte[] Exit(TerminalSessionOptions options)
    {
        var text = new StringBuilder("\u001b[0m");
        foreach (var mode in Modes.Where(m => m.Enabled(options)).Reverse())
        {
            text.Append(mode.Off);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
