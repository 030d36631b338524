using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Doctor;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
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

        using var ledger = SqliteRunLedger.Open(paths);
        var options = new DeckOptions
        {
            Source = new RoutedDeckSource(
                new ChangeGatedDeckSource(new LedgerDeckSource(ledger, TimeProvider.System, settings.Budget), LedgerChangeStamp.For(paths), TimeProvider.System, FullPollInterval),
                new RoleRouting(context, context.Discover()).Plan()),
            Control = readOnly ? new UnavailableWorkerControl("read-only mode: workers can be watched, not changed") : new SupervisorWorkerControl(context, new ProcessRunner(), new AgentDriverFactory()),
            Changes = new LedgerChangeNotifier(paths),
            Keys = keys,
            Theme = themes.Theme,
            ThemeReload = new ThemeWatcher(themeLoader, theme ?? settings.Theme),
            Scope = new DeckScope(repo, console.CurrentDirectory, showAll),
            ReadOnly = readOnly,
            StartupMessages = [.. settings.Messages, .. keys.Messages, .. themes.Messages],
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
