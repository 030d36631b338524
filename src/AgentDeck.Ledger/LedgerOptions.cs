namespace AgentDeck.Ledger;

/// <summary>How to open the ledger.</summary>
public sealed record LedgerOptions
{
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(7);

    /// <summary>Open for reading only: works on a file or directory that is not writable, never migrates or writes.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>How long a write waits for another process's transaction before giving up with a "locked" error.</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
