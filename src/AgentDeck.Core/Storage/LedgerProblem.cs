namespace AgentDeck.Core.Storage;

/// <summary>What went wrong with the ledger, so front ends can pick an exit code or a hint without parsing text.</summary>
public enum LedgerProblem
{
    Locked,
    ReadOnly,
    Corrupt,
    SchemaTooNew,
    SchemaTooOld,
    Missing,
    CannotOpen,
    UnknownRun,
    AmbiguousRun,
    RunNotFinished,
    RawLogMissing,
    NoParser,
}
