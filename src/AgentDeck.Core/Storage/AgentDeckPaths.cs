using AgentDeck.Core.Runs;

namespace AgentDeck.Core.Storage;

/// <summary>
/// Where AgentDeck keeps its state: <c>$AGENTDECK_HOME</c> when set, else <c>$XDG_STATE_HOME/agentdeck</c>, else
/// <c>~/.local/state/agentdeck</c>. The ledger is <c>ledger.db</c> there and each run's raw output lives in
/// <c>runs/&lt;run id&gt;/stdout.log</c> and <c>stderr.log</c>.
/// </summary>
public sealed class AgentDeckPaths
{
    public const string HomeVariable = "AGENTDECK_HOME";
    public const string XdgStateHomeVariable = "XDG_STATE_HOME";
    public const string DirectoryName = "agentdeck";
    public const string LedgerFileName = "ledger.db";
    public const string RunsDirectoryName = "runs";
    public const string StdoutLogName = "stdout.log";
    public const string StderrLogName = "stderr.log";

    public AgentDeckPaths(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        StateDirectory = Path.GetFullPath(stateDirectory);
    }

    public string StateDirectory { get; }

    public string LedgerFile => Path.Combine(StateDirectory, LedgerFileName);

    public string RunsDirectory => Path.Combine(StateDirectory, RunsDirectoryName);

    public static AgentDeckPaths FromEnvironment() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Resolves the state directory from the given variables (testable without touching the process environment).</summary>
    public static AgentDeckPaths Resolve(Func<string, string?> getVariable, string homeDirectory)
    {
        var explicitHome = getVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(explicitHome))
        {
            return new AgentDeckPaths(explicitHome);
        }

        // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
        var xdgState = getVariable(XdgStateHomeVariable);
        if (!string.IsNullOrWhiteSpace(xdgState) && Path.IsPathRooted(xdgState))
        {
            return new AgentDeckPaths(Path.Combine(xdgState, DirectoryName));
        }

        return new AgentDeckPaths(Path.Combine(homeDirectory, ".local", "state", DirectoryName));
    }

    public string RunDirectory(string runId)
    {
        if (!RunIds.IsValid(runId))
        {
            throw new ArgumentException($"'{runId}' is not a run id.", nameof(runId));
        }

        return Path.Combine(RunsDirectory, runId);
    }

    public string StdoutLog(string runId) => Path.Combine(RunDirectory(runId), StdoutLogName);

    public string StderrLog(string runId) => Path.Combine(RunDirectory(runId), StderrLogName);
}
