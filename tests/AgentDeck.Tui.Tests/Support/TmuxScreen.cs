using System.Diagnostics;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>
/// A private tmux server (its own socket, so no one else's sessions are touched) running one command in a window of
/// a given size: keys go in with send-keys, the screen comes back with capture-pane.
/// </summary>
public sealed class TmuxScreen : IDisposable
{
    private const string Session = "deck";
    private readonly string _socket = "agentdeck-test-" + Guid.NewGuid().ToString("N")[..8];

    public void Start(int width, int height, string directory, IReadOnlyDictionary<string, string> environment, string command)
    {
        List<string> args = ["new-session", "-d", "-s", Session, "-x", $"{width}", "-y", $"{height}", "-c", directory];
        foreach (var (name, value) in environment)
        {
            args.AddRange(["-e", $"{name}={value}"]);
        }

        Tmux([.. args, command]);
        Tmux("set-option", "-t", Session, "remain-on-exit", "on");
    }

    /// <summary>Starts the command again in the same (dead) pane.</summary>
    public void Respawn(string command) => Tmux("respawn-pane", "-k", "-t", Session, command);

    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", Session, .. keys]);

    /// <summary>Types text as it is (no key-name lookup).</summary>
    public void Type(string text) => Tmux("send-keys", "-t", Session, "-l", text);

    public string Capture() => Tmux("capture-pane", "-p", "-t", Session);

    public bool Exited => Tmux("display-message", "-p", "-t", Session, "#{pane_dead} #{alternate_on}").Trim() == "1 0";

    public string WaitFor(Func<string, bool> condition, string what)
    {
        var screen = "";
        Eventually.True(() => condition(screen = Capture()), () => $"the screen never showed {what}; it was:\n{screen}");
        return screen;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error}");
    }
}
