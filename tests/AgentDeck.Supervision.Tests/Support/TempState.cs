using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>A throwaway state folder (short path, so socket paths stay under the 108-byte limit) with an open ledger.</summary>
internal sealed class TempState : IDisposable
{
    public TempState()
    {
        Directory = Path.Combine("/tmp", "adsup-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        Paths = new AgentDeckPaths(Directory);
        Ledger = SqliteRunLedger.Open(Paths);
    }

    public string Directory { get; }

    public AgentDeckPaths Paths { get; }

    public SqliteRunLedger Ledger { get; }

    public RunRecord NewRun(RunStatus status = RunStatus.Starting) =>
        Ledger.CreateRun(new NewRun("claude") { Prompt = "hi", Status = status });

    public void Dispose()
    {
        Ledger.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
