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
    private readonly TmuxScreen _screen = new();
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

        var grid = _screen.WaitFor(s => s.Contains("claude", StringComparison.Ordinal) && s.Contains("codex", StringComparison.Ordinal), "both agents");
        Assert.Contains("runs", grid.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("gemini", grid, StringComparison.Ordinal);

        _screen.Keys("a");
        _screen.WaitFor(s => s.Contains("gemini", StringComparison.Ordinal), "every run");

        _screen.Keys("Enter");
        _screen.WaitFor(s => s.Contains("── turn", StringComparison.Ordinal), "the focused transcript");

        // A lone Esc is told from Alt+key by a pause, so wait for its effect before the next key.
        _screen.Keys("Escape");
        _screen.WaitFor(s => !s.Contains("── turn", StringComparison.Ordinal), "the grid again");
        _screen.Keys("?");
        _screen.WaitFor(s => s.Contains("Help", StringComparison.Ordinal) && s.Contains("Show this help", StringComparison.Ordinal), "the help");

        _screen.Keys("Escape");
        _screen.WaitFor(s => !s.Contains("Show this help", StringComparison.Ordinal), "the help closed");
        _screen.Keys("q");
        Eventually.True(() => _screen.Exited, () => "the app did not quit and leave the alternate screen");
        Assert.DoesNotContain("AgentDeck  ", _screen.Capture(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_keymap_entry_and_an_unknown_theme_are_named_on_screen_and_the_defaults_still_work()
    {
        var config = Path.Combine(_home.Path, "config", "agentdeck");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "config.toml"), "[keys]\nlaunch = \"L\"\nhelp = \"F1\"\n");
        Start(80, 24, "tui --theme nosuch");

        var screen = _screen.WaitFor(s => s.Contains("[keys].launch", StringComparison.Ordinal), "the keymap message");
        Assert.Contains("theme \"nosuch\"", screen, StringComparison.Ordinal);

        _screen.Keys("F1");
        _screen.WaitFor(s => s.Contains("Show this help", StringComparison.Ordinal), "the help on F1");
    }

    [Fact]
    public void Worker_numbers_stay_with_their_workers_when_a_new_run_appears_while_the_screen_is_open()
    {
        Start(200, 50, "");
        var before = _screen.WaitFor(s => Number(s, "codex") is not null && Number(s, "claude") is not null, "both workers numbered");
        var (codex, claude) = (Number(before, "codex"), Number(before, "claude"));

        var paths = new AgentDeckPaths(Path.Combine(_home.Path, "state"));
        using (var ledger = SqliteRunLedger.Open(paths))
        {
            LedgerSeeder.Import(ledger, paths, AgentKind.Gemini, "gemini-01-plain.ndjson", "security", _repo);
        }

        var after = _screen.WaitFor(s => Number(s, "gemini") is not null, "the new worker");
        Assert.Equal((codex, claude, "3"), (Number(after, "codex"), Number(after, "claude"), Number(after, "gemini")));

        _screen.Keys(claude!);
        _screen.Keys("Enter");
        _screen.WaitFor(s => Number(s, "claude") == claude && s.Contains("── turn", StringComparison.Ordinal), "worker " + claude + " focused");
    }

    /// <summary>The number on the pane title of the agent's worker ("╭ 2 ✔ claude · implementer …"), or null when not shown.</summary>
    private static string? Number(string screen, string agent) =>
        System.Text.RegularExpressions.Regex.Match(screen, @"╭ (\d+) \S+ " + agent + " · ") is { Success: true } match ? match.Groups[1].Value : null;

    [Fact]
    public void The_cost_tab_shows_the_limits_the_supervisors_enforce_and_names_the_replacement_of_an_old_screen_budget()
    {
        var config = Path.Combine(_home.Path, "config", "agentdeck");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "config.toml"),
            "[tui]\nbudget_usd = 5.0\n\n[limits]\nmax_concurrency = 3\nrun_budget_usd = 2.0\nglobal_budget_usd = 20.0\nglobal_warning_fraction = 0.5\n");
        Start(80, 24, "");

        var notice = _screen.WaitFor(s => s.Contains("budget_usd", StringComparison.Ordinal), "the notice about [tui] budget_usd");
        Assert.Contains("[limits] global_budget_usd", notice.Replace("\n", "", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal), StringComparison.Ordinal);

        _screen.Keys("Escape");
        _screen.WaitFor(s => !s.Contains("Problems", StringComparison.Ordinal), "the notice dismissed");
        _screen.Keys("Tab", "Tab", "Tab", "Tab");
        var cost = _screen.WaitFor(s => s.Contains("Cost guard", StringComparison.Ordinal), "the cost tab");

        // Today's spend counts every run of the day, also the one outside this repository that the grid does not show.
        Assert.Contains("of $20.00 today · warns at 50%", cost, StringComparison.Ordinal);
        Assert.Contains("0 of 3 active", cost, StringComparison.Ordinal);
        Assert.Contains("$2.00 per run", cost, StringComparison.Ordinal);
        Assert.DoesNotContain("no budget set", cost, StringComparison.Ordinal);
        Assert.DoesNotContain("no limit set", cost, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _screen.Dispose();
        _home.Dispose();
    }

    private void Start(int width, int height, string arguments)
    {
        var dll = Path.Combine(Golden.ProjectDirectory(ThisFile()), "..", "..", "src", "AgentDeck.Cli", "bin", Configuration(), "net10.0", "agentdeck.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build src/AgentDeck.Cli");
        var environment = new Dictionary<string, string>
        {
            ["AGENTDECK_HOME"] = Path.Combine(_home.Path, "state"),
            ["HOME"] = _home.Path,
            ["XDG_CONFIG_HOME"] = Path.Combine(_home.Path, "config"),
        };
        _screen.Start(width, height, _repo, environment, $"dotnet {dll} {arguments}");
    }

    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
