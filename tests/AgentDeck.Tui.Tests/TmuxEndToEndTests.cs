using System.Diagnostics;
using AgentDeck.Core;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

/// <summary>
/// Runs the real <c>agentdeck</c> inside a private tmux server (its own socket, so no one else's sessions are
/// touched) on a scratch ledger filled from the transcript fixtures, presses keys and reads the screen back.
/// </summary>
public sealed class TmuxEndToEndTests : IDisposable
{
    private readonly TempHome _home = new();
    private readonly string _socket = "agentdeck-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _repo;

    public TmuxEndToEndTests()
    {
        _repo = Path.Combine(_home.Path, "repo");
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        var paths = new AgentDeckPaths(Path.Combine(_home.Path, "state"));
        using var ledger = SqliteRunLedger.Open(paths);
        LedgerSeeder.Import(ledger, paths, AgentKind.Claude, "claude-02-tools.ndjson", "implementer", _repo);
        LedgerSeeder.Import(ledger, paths, AgentKind.Codex, "codex-01-plain.ndjson", "reviewer", _repo);
        LedgerSeeder.Import(ledger, paths, AgentKind.Gemini, "gemini-01-plain.ndjson", "tester", "/somewhere/else");
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(200, 50)]
    public void The_real_app_shows_the_repository_runs_focuses_helps_and_quits_restoring_the_terminal(int width, int height)
    {
        Start(width, height, "");

        var grid = WaitForScreen(s => s.Contains("claude", StringComparison.Ordinal) && s.Contains("codex", StringComparison.Ordinal));
        Assert.Contains("runs", grid.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("gemini", grid, StringComparison.Ordinal);

        Tmux("send-keys", "-t", "deck", "a");
        WaitForScreen(s => s.Contains("gemini", StringComparison.Ordinal));

        Tmux("send-keys", "-t", "deck", "Enter");
        WaitForScreen(s => s.Contains("── turn", StringComparison.Ordinal));

        // A lone Esc is told from Alt+key by a pause, so wait for its effect before the next key.
        Tmux("send-keys", "-t", "deck", "Escape");
        WaitForScreen(s => !s.Contains("── turn", StringComparison.Ordinal));
        Tmux("send-keys", "-t", "deck", "?");
        WaitForScreen(s => s.Contains("Help", StringComparison.Ordinal) && s.Contains("Show this help", StringComparison.Ordinal));

        Tmux("send-keys", "-t", "deck", "Escape");
        WaitForScreen(s => !s.Contains("Show this help", StringComparison.Ordinal));
        Tmux("send-keys", "-t", "deck", "q");
        WaitFor(() => Tmux("display-message", "-p", "-t", "deck", "#{pane_dead} #{alternate_on}").Trim() == "1 0");
        Assert.DoesNotContain("AgentDeck  ", Capture(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_keymap_entry_and_an_unknown_theme_are_named_on_screen_and_the_defaults_still_work()
    {
        var config = Path.Combine(_home.Path, "config", "agentdeck");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "config.toml"), "[keys]\nlaunch = \"L\"\nhelp = \"F1\"\n");
        Start(80, 24, "tui --theme nosuch");

        var screen = WaitForScreen(s => s.Contains("[keys].launch", StringComparison.Ordinal));
        Assert.Contains("theme \"nosuch\"", screen, StringComparison.Ordinal);

        Tmux("send-keys", "-t", "deck", "F1");
        WaitForScreen(s => s.Contains("Show this help", StringComparison.Ordinal));
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

        _home.Dispose();
    }

    private void Start(int width, int height, string arguments)
    {
        var dll = Path.Combine(Golden.ProjectDirectory(ThisFile()), "..", "..", "src", "AgentDeck.Cli", "bin", Configuration(), "net10.0", "agentdeck.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build src/AgentDeck.Cli");

        Tmux("new-session", "-d", "-s", "deck", "-x", $"{width}", "-y", $"{height}", "-c", _repo,
            "-e", $"AGENTDECK_HOME={Path.Combine(_home.Path, "state")}", "-e", $"HOME={_home.Path}", "-e", "XDG_CONFIG_HOME=" + Path.Combine(_home.Path, "config"),
            $"dotnet {dll} {arguments}");
        Tmux("set-option", "-t", "deck", "remain-on-exit", "on");
    }

    private string WaitForScreen(Func<string, bool> condition)
    {
        var screen = "";
        WaitFor(() => condition(screen = Capture()), () => "screen was:\n" + screen);
        return screen;
    }

    private static void WaitFor(Func<bool> condition, Func<string>? describe = null)
    {
        // A bound, not a timing assertion: the shared machine may be slow, so it is generous.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the screen never got there; " + describe?.Invoke());
            Thread.Sleep(100);
        }
    }

    private string Capture() => Tmux("capture-pane", "-p", "-t", "deck");

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

    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
