namespace AgentDeck.Supervision;

/// <summary>
/// One clock that everything ingesting output in a process wakes on: pipe reads of streaming workers and the ledger
/// commit of their events. Waiting for the next tick instead of reacting to every line lets one wake-up take in all
/// the output of a period (a worker printing a line every 10 ms costs a wake-up per tick, not per line). The timer only
/// runs while someone waits, so idle workers (blocked on their pipes) cost nothing.
/// </summary>
public sealed class IngestTick : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private TaskCompletionSource? _next;
    private bool _disposed;

    public IngestTick(TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Period = period;
        _timer = new Timer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Period { get; }

    /// <summary>
    /// Completes at the next tick (at most one period from now). Continuations run on the timer's thread one after the
    /// other, so keep them short and non-blocking (hand long work to the thread pool).
    /// </summary>
    public Task NextAsync(CancellationToken cancellationToken = default)
    {
        Task next;
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.CompletedTask; // whoever waits after the end goes on at once
            }

            if (_next is null)
            {
                _next = new TaskCompletionSource();
                _timer.Change(Period, Timeout.InfiniteTimeSpan);
            }

            next = _next.Task;
        }

        return cancellationToken.CanBeCanceled ? next.WaitAsync(cancellationToken) : next;
    }

    public void Dispose()
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            _disposed = true;
            waiting = _next;
            _next = null;
            _timer.Dispose();
        }

        waiting?.TrySetResult();
    }

    private void Fire()
    {
        TaskCompletionSource? due;
        lock (_gate)
        {
            due = _next;
            _next = null;
        }

        due?.TrySetResult();
    }
}
