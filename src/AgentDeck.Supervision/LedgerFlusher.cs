using AgentDeck.Core.Runs;
using AgentDeck.Ledger;

namespace AgentDeck.Supervision;

/// <summary>
/// Commits the pending events of every worker that took in output since the last tick, all in one ledger transaction
/// (on a <see cref="SqliteRunLedger"/>), on the next <see cref="IngestTick"/>: one commit per tick for the whole host
/// instead of one per worker. Nothing is scheduled while no worker has new output.
/// </summary>
public sealed class LedgerFlusher
{
    private readonly IRunLedger _ledger;
    private readonly Lock _ledgerLock;
    private readonly IngestTick _tick;
    private readonly Lock _gate = new();
    private readonly List<IFlushTarget> _dirty = [];
    private readonly Action<Task> _flushDue;
    private bool _scheduled;

    /// <param name="ledgerLock">Taken around every use of <paramref name="ledger"/>.</param>
    /// <param name="tick">When the commits happen; its period is how long a line may wait in memory.</param>
    public LedgerFlusher(IRunLedger ledger, Lock ledgerLock, IngestTick tick)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _ledgerLock = ledgerLock ?? throw new ArgumentNullException(nameof(ledgerLock));
        _tick = tick ?? throw new ArgumentNullException(nameof(tick));
        _flushDue = _ => FlushDue();
    }

    public IngestTick Tick => _tick;

    /// <summary>Has the worker's pending events committed on the next tick (once, however often it is called before).</summary>
    internal void MarkDirty(IFlushTarget target)
    {
        lock (_gate)
        {
            if (!_dirty.Contains(target))
            {
                _dirty.Add(target);
            }

            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        // On the thread pool, not inline on the tick's thread: the commit must not hold up the workers' pipe reads.
        _ = _tick.NextAsync().ContinueWith(_flushDue, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void FlushDue()
    {
        IFlushTarget[] due;
        lock (_gate)
        {
            due = [.. _dirty];
            _dirty.Clear();
            _scheduled = false;
        }

        lock (_ledgerLock)
        {
            try
            {
                if (due.Length > 1 && _ledger is SqliteRunLedger sqlite)
                {
                    // Each worker in its own savepoint: one run's failing write does not undo the others'.
                    sqlite.WriteInOneTransaction(due, static target => target.FlushPending(), static (target, error) => target.FlushFailed(error));
                }
                else
                {
                    FlushEach(due);
                }
            }
            catch (Exception error) when (ContendedWrite.IsLocked(error))
            {
                // Another process kept the ledger past the busy timeout: nothing was committed and everything is
                // still pending, so the next tick tries again.
                Retry(due);
            }
            catch (Exception error)
            {
                // The commit itself failed (disk full, I/O error): every worker in it lost this batch.
                foreach (var target in due)
                {
                    target.FlushFailed(error);
                }
            }
        }
    }

    private void FlushEach(IFlushTarget[] due)
    {
        foreach (var target in due)
        {
            try
            {
                target.FlushPending();
            }
            catch (Exception error) when (ContendedWrite.IsLocked(error))
            {
                Retry([target]);
            }
            catch (Exception error)
            {
                target.FlushFailed(error);
            }
        }
    }

    private void Retry(IFlushTarget[] targets)
    {
        foreach (var target in targets)
        {
            MarkDirty(target);
        }
    }
}
