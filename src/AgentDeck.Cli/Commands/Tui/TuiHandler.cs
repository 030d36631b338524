using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Config;
using AgentDeck.Core.Cost;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Doctor;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Supervision;
using AgentDeck.Processes;
using AgentDeck.Terminal;
using AgentDeck.Tui.App;
using AgentDeck.Tui.Control;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>Opens the ledger, reads the screen settings, and runs the screen until the person quits.</summary>
public sealed class TuiHandler(CliContext context)
{
    /// <summary>Even with no write seen, the ledger is read again this often (a safety net for a missed change).</summary>
    public static readonly TimeSpan FullPollInterval = TimeSpan.FromSeconds(10);

    public int Run(string? theme, bool showAll, bool readOnly)
    {
        var console = context.Console;
        var configDirectory = TuiConfig.ConfigDirectory(console.GetEnvironmentVariable);
        var repo = FindRepository(console.CurrentDirectory);
        var settings = TuiConfig.Load(Path.Combine(configDirectory, "config.toml"), repo ?? console.CurrentDirectory);
        var themeLoader = new ThemeLoader([Path.Combine(configDirectory, "themes")]);
        var themes = themeLoader.Load(theme ?? settings.Theme);
        var keys = KeyMap.Build(DeckCommands.All, settings.Keys);
        var paths = context.Paths;

        var (limits, limitsProblem) = ReadLimits(console);
        using var ledger = PrivacyNotice.Report(SqliteRunLedger.Open(paths), context.Console.Error);
        using var spend = new SupervisorSpendProbe(paths);
        var options = new DeckOptions
        {
            Source = new CostGuardDeckSource(
                new RoutedDeckSource(
                    new ChangeGatedDeckSource(new LedgerDeckSource(ledger, TimeProvider.System, new RunLiveness(ledger, paths).Check), LedgerChangeStamp.For(paths), TimeProvider.System, FullPollInterval),
                    new RoleRouting(context, context.Discover()).Plan()),
                ledger, limits, limitsProblem, spend, TimeProvider.System),
            Control = readOnly ? new UnavailableWorkerControl("read-only mode: workers can be watched, not changed") : new SupervisorWorkerControl(context, new ProcessRunner(), new AgentDriverFactory()),
            Changes = new LedgerChangeNotifier(paths),
            Keys = keys,
            Theme = themes.Theme,
            ThemeReload = new ThemeWatcher(themeLoader, theme ?? settings.Theme),
            Scope = new DeckScope(repo, console.CurrentDirectory, showAll),
            ReadOnly = readOnly,
            StartupMessages = [.. settings.Messages, .. keys.Messages, .. themes.Messages, .. (limitsProblem is null ? [] : new[] { limitsProblem })],
        };

        TerminalSession session;
        try
        {
            session = TerminalSession.Open();
        }
        catch (TerminalUnavailableException error)
        {
            throw new CliException(error.Message);
        }

        using (session)
        {
            new DeckApp(options).Run(session);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>[limits]</c> exactly as a worker started from here is held to them (the supervisor's own loading); a broken
    /// file is shown, not thrown, and the panel then shows no limits rather than made-up ones.
    /// </summary>
    private static (CostGuardSettings? Limits, string? Problem) ReadLimits(CliConsole console)
    {
        try
        {
            return (LimitsConfig.Load(console), null);
        }
        catch (CliException error)
        {
            return (null, error.Message);
        }
    }

    /// <summary>The enclosing git work tree's root (a directory holding .git), or null outside one.</summary>
    public static string? FindRepository(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }

        return null;
    }
}
