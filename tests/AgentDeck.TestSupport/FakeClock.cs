namespace AgentDeck.TestSupport;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when a test calls <see cref="Advance"/>. Timers (and so
/// <c>Task.Delay(t, clock)</c> and <c>new CancellationTokenSource(t, clock)</c>) fire during Advance, on the caller's
/// thread. <see cref="WhenTimerScheduledAsync"/> lets a test wait until the code under test is waiting on the clock.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TaskCompletionSource> _scheduleWaiters = [];
    private DateTimeOffset _now;

    public FakeClock(DateTimeOffset? start = null) =>
        _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are due to fire at some point.</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once at least one timer is scheduled.</summary>
    public Task WhenTimerScheduledAsync()
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.DueAt is not null))
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _scheduleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    /// <summary>Moves time forward, firing every timer that falls due, earliest first.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.DueAt!.Value;
                due.Rearm(_now);
            }

            due.Fire();
        }
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<TaskCompletionSource> waiters;
        lock (_gate)
        {
            timer.Period = period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            if (timer.DueAt is null)
            {
                return;
            }

            waiters = [.. _scheduleWaiters];
            _scheduleWaiters.Clear();
        }

        waiters.ForEach(w => w.TrySetResult());
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        /// <summary>Called under the clock's lock as the timer fires: schedules the next period or disarms.</summary>
        public void Rearm(DateTimeOffset now) =>
            DueAt = Period == Timeout.InfiniteTimeSpan || Period == TimeSpan.Zero ? null : now + Period;

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
