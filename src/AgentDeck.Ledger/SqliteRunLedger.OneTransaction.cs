namespace AgentDeck.Ledger;

public sealed partial class SqliteRunLedger
{
    private bool _inOneTransaction;
    private NativeStatement? _savepoint;
    private NativeStatement? _releaseSavepoint;
    private NativeStatement? _rollbackToSavepoint;

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

    /// <summary>
    /// Writes every part in one transaction, each part in its own savepoint: a part that throws leaves nothing behind
    /// and goes to <paramref name="failed"/>, while the others are committed (one run's failure stays that run's).
    /// </summary>
    public void WriteInOneTransaction<T>(IReadOnlyList<T> parts, Action<T> write, Action<T, Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(failed);
        WriteInOneTransaction(() =>
        {
            var db = _connection.Handle!;
            _savepoint ??= new NativeStatement(db, "SAVEPOINT one_part");
            _releaseSavepoint ??= new NativeStatement(db, "RELEASE one_part");
            _rollbackToSavepoint ??= new NativeStatement(db, "ROLLBACK TO one_part");
            foreach (var part in parts)
            {
                _savepoint.Execute();
                try
                {
                    write(part);
                }
                catch (Exception error)
                {
                    _rollbackToSavepoint.Execute();
                    _releaseSavepoint.Execute();
                    failed(part, error);
                    continue;
                }

                _releaseSavepoint.Execute();
            }
        });
    }

    private void DisposeSavepoints()
    {
        _savepoint?.Dispose();
        _releaseSavepoint?.Dispose();
        _rollbackToSavepoint?.Dispose();
    }
}
