namespace AgentDeck.Discovery.Environment;

/// <summary>
/// The home directory, environment variables and working directory discovery looks at, passed in so that tests can
/// point every path at a scratch directory. Paths follow each tool's own rules (CLAUDE_CONFIG_DIR, CODEX_HOME, XDG).
/// </summary>
public sealed record DiscoveryEnvironment(string Home, IReadOnlyDictionary<string, string> Variables, string WorkingDirectory)
{
    public static DiscoveryEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string key, Value: string value })
            {
                variables[key] = value;
            }
        }

        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return new DiscoveryEnvironment(home, variables, Directory.GetCurrentDirectory());
    }

    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Get(string name) => Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public bool Has(string name) => Get(name) is not null;

    public string ClaudeConfigDirectory => Get("CLAUDE_CONFIG_DIR") ?? Path.Combine(Home, ".claude");

    public string ClaudeSettingsPath => Path.Combine(ClaudeConfigDirectory, "settings.json");

    public string CodexHome => Get("CODEX_HOME") ?? Path.Combine(Home, ".codex");

    public string CcSwitchDirectory => Path.Combine(Home, ".cc-switch");

    public string GeminiDirectory => Path.Combine(Home, ".gemini");

    public string OpenCodeConfigDirectory => Path.Combine(Get("XDG_CONFIG_HOME") ?? Path.Combine(Home, ".config"), "opencode");

    public string OpenCodeDataDirectory => Path.Combine(Get("XDG_DATA_HOME") ?? Path.Combine(Home, ".local", "share"), "opencode");

    public string AgentDeckConfigDirectory => Path.Combine(Get("XDG_CONFIG_HOME") ?? Path.Combine(Home, ".config"), "agentdeck");

    public string UserConfigPath => Path.Combine(AgentDeckConfigDirectory, "config.toml");

    public string ProjectConfigPath => Path.Combine(WorkingDirectory, ".agentdeck", "config.toml");

    /// <summary>$AGENTDECK_HOME, else $XDG_STATE_HOME/agentdeck, else ~/.local/state/agentdeck.</summary>
    public string StateDirectory => Get("AGENTDECK_HOME")
                                    ?? Path.Combine(Get("XDG_STATE_HOME") ?? Path.Combine(Home, ".local", "state"), "agentdeck");

    public string LedgerPath => Path.Combine(StateDirectory, "ledger.db");

    public IReadOnlyList<string> SearchPath =>
        (Get("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
