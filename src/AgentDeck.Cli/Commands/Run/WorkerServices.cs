using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>The state folder, the ledger and the liveness check the worker verbs share; ledger problems become one-line errors.</summary>
public sealed class WorkerServices : IDisposable
{
    private WorkerServices(AgentDeckPaths paths, IRunLedger ledger, bool readOnly = false)
    {
        Paths = paths;
        Ledger = ledger;
        Liveness = new RunLiveness(ledger, paths, readOnly: readOnly);
    }

    public AgentDeckPaths Paths { get; }

    public IRunLedger Ledger { get; }

    public RunLiveness Liveness { get; }

    public static WorkerServices Open(CliConsole console)
    {
        var home = console.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var paths = AgentDeckPaths.Resolve(console.GetEnvironmentVariable, home);
        return new WorkerServices(paths, Guard(() => PrivacyNotice.Report(SqliteRunLedger.Open(paths), console.Error)));
    }

    /// <summary>
    /// For verbs that only read (status, last, wait, export): the ledger opened to write, or, when the state folder or
    /// the ledger file cannot be written, opened to read (a run whose supervisor died is then shown lost, not marked).
    /// </summary>
    public static WorkerServices OpenForReading(CliConsole console)
    {
        var home = console.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var paths = AgentDeckPaths.Resolve(console.GetEnvironmentVariable, home);
        try
        {
            return new WorkerServices(paths, PrivacyNotice.Report(SqliteRunLedger.Open(paths), console.Error));
        }
        catch (LedgerException error) when (error.Problem == LedgerProblem.ReadOnly)
        {
            return new WorkerServices(paths, Guard(() => PrivacyNotice.Report(SqliteRunLedger.Open(paths, new LedgerOptions { ReadOnly = true }), console.Error)), readOnly: true);
        }
    }

    /// <summary>The run by id or unique prefix, marked lost first when its supervisor died.</summary>
    public RunRecord Resolve(string idOrPrefix) => Guard(() => Liveness.Check(Ledger.ResolveRun(idOrPrefix)));

    public RunRecord Refresh(RunRecord run) => Guard(() => Liveness.Check(Ledger.FindRun(run.Id) ?? run));

    public RunFiles Files(string runId) => new(Paths, runId);

    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (LedgerException error)
        {
            throw new CliException(error.Message);
        }
    }

    public void Dispose() => Ledger.Dispose();
}
