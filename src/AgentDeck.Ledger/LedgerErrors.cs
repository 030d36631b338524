using AgentDeck.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger;

/// <summary>Turns SQLite's result codes into one-line problems with a fix; null for codes that mean a bug, not a state.</summary>
internal static class LedgerErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static LedgerException? Translate(SqliteException error, string file, TimeSpan busyTimeout) => error.SqliteErrorCode switch
    {
        Busy or Locked => new LedgerException(LedgerProblem.Locked,
            $"ledger {file} is locked by another process (still busy after {busyTimeout.TotalSeconds:0.###} s): wait for the other agentdeck command to finish, then retry",
            error),
        ReadOnly => new LedgerException(LedgerProblem.ReadOnly,
            $"ledger {file} is read-only: make the file and its directory writable (chmod u+w), or use a reading command",
            error),
        Corrupt or NotADatabase => new LedgerException(LedgerProblem.Corrupt,
            $"ledger {file} is damaged or not a SQLite database ({error.SqliteErrorCode switch { Corrupt => "corrupt", _ => "not a database" }}): move it aside (mv '{file}' '{file}.bad') and run again; AgentDeck never deletes it",
            error),
        CantOpen => new LedgerException(LedgerProblem.CannotOpen,
            $"cannot open ledger {file}: check that the file and its directory exist and are readable and writable",
            error),
        Full => new LedgerException(LedgerProblem.CannotOpen,
            $"cannot write ledger {file}: the disk is full; free some space and retry",
            error),
        IoError => new LedgerException(LedgerProblem.CannotOpen,
            $"I/O error on ledger {file} ({error.Message.Split('\n')[0]}): check the disk and retry",
            error),
        _ => null,
    };
}
