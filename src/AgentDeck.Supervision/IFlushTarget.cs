namespace AgentDeck.Supervision;

/// <summary>A worker whose pending events a <see cref="LedgerFlusher"/> commits.</summary>
internal interface IFlushTarget
{
    /// <summary>Commits what is pending; called under the ledger lock, possibly inside a transaction shared with other workers.</summary>
    void FlushPending();

    /// <summary>The commit that held this worker's events failed.</summary>
    void FlushFailed(Exception error);
}
