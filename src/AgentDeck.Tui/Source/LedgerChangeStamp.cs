using AgentDeck.Core.Storage;

namespace AgentDeck.Tui.Source;

/// <summary>
/// A number that moves whenever the ledger is written: SQLite in WAL mode appends every commit to the -wal file and
/// checkpoints into the main file, so their sizes and write times change. Two stat calls, no query.
/// </summary>
public static class LedgerChangeStamp
{
    public static Func<long> For(AgentDeckPaths paths)
    {
        var database = new FileInfo(paths.LedgerFile);
        var wal = new FileInfo(paths.LedgerFile + "-wal");
        return () => Stamp(database) * 31 + Stamp(wal);
    }

    private static long Stamp(FileInfo file)
    {
        file.Refresh();
        return file.Exists ? HashCode.Combine(file.Length, file.LastWriteTimeUtc.Ticks) : 0;
    }
}
