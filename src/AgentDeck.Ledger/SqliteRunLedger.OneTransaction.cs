namespace AgentDeck.Ledger;

public sealed partial class SqliteRunLedger
{
    private bool _inOneTransaction;

    /// <summary>
    /// Runs <paramref name="work"/> with every write it makes to this ledger (any runs) in one transaction: committed
    /// when it returns, all rolled back when it throws. One commit for many runs' batches costs far less than one
    /// each (the supervisor host commits all its workers' events per tick). Not reentrant.
    /// </summary>
    public void WriteInOneTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_inOneTransaction)
        {
            throw new InvalidOperationException("a transaction for many writes is already open on this ledger");
        }

        Write<bool>(_ =>
        {
            _inOneTransaction = true;
            try
            {
                work();
            }
            finally
            {
                _inOneTransaction = false;
            }

            return true;
        });
    }
}
