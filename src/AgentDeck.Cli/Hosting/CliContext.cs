using AgentDeck.Agents;
using AgentDeck.Cli.Common;
using AgentDeck.Core;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Catalogs;
using AgentDeck.Discovery.Environment;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Hosting;

/// <summary>What every verb's handler may use: the console, state paths, parsers, prices, and the ledger opened on first use.</summary>
public sealed class CliContext(CliConsole console) : IAsyncDisposable
{
    private SqliteRunLedger? _ledger;
    private IPriceBook? _prices;

    public CliConsole Console { get; } = console;

    /// <summary>
    /// Agents the simulated agent stands in for (the demo), with the default model it reports: routing treats them as
    /// those agents running that model, and says so.
    /// </summary>
    public IReadOnlyDictionary<AgentKind, string> StandIns { get; init; } = new Dictionary<AgentKind, string>();

    public string HomeDirectory =>
        Console.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public AgentDeckPaths Paths => AgentDeckPaths.Resolve(Console.GetEnvironmentVariable, HomeDirectory);

    /// <summary>Where user data files (prices, traits, roles, config) live: $XDG_CONFIG_HOME/agentdeck or ~/.config/agentdeck.</summary>
    public string ConfigDirectory => Path.Combine(
        Console.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config ? config : Path.Combine(HomeDirectory, ".config"),
        "agentdeck");

    /// <summary>What discovery reads: this process's (or the test's) home, variables and working directory.</summary>
    public DiscoveryEnvironment DiscoveryEnvironment => new(HomeDirectory, Console.Environment, Console.CurrentDirectory);

    public AgentDeckDiscovery Discover() => AgentDeckDiscovery.Load(DiscoveryEnvironment);

    public IPriceBook Prices => _prices ??= DataCatalogLoader.Load(ConfigDirectory).Prices;

    public IAgentStreamParser CreateParser(AgentKind agent, ParserBaseline? baseline) => AgentParsers.Create(agent, baseline);

    public IAgentStreamParser? CreateParser(string agentName) =>
        AgentKinds.TryParse(agentName, out var kind) ? AgentParsers.Create(kind) : null;

    /// <summary>The ledger, created on first write. Read-only verbs never create one (a missing ledger means no runs yet).</summary>
    public SqliteRunLedger OpenLedger(bool readOnly = false)
    {
        if (_ledger is { } open && (readOnly || !open.IsReadOnly))
        {
            return open;
        }

        _ledger?.Dispose();
        _ledger = PrivacyNotice.Report(SqliteRunLedger.Open(Paths, new LedgerOptions { ReadOnly = readOnly }), Console.Error);
        return _ledger;
    }

    /// <summary>True when a ledger file exists, so read-only verbs can say "no runs yet" instead of failing.</summary>
    public bool LedgerExists => File.Exists(Paths.LedgerFile);

    public ValueTask DisposeAsync()
    {
        _ledger?.Dispose();
        return ValueTask.CompletedTask;
    }
}
