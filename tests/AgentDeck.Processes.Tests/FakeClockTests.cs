using AgentDeck.TestSupport;

namespace AgentDeck.Processes.Tests;

public sealed class FakeClockTests
{
    [Fact]
    public void Given_a_delay_When_time_advances_to_it_Then_it_completes_and_not_before()
    {
        var clock = new FakeClock();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Given_a_periodic_timer_When_time_advances_Then_it_fires_once_per_period_at_the_right_times()
    {
        var clock = new FakeClock();
        var start = clock.GetUtcNow();
        var fired = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow() - start), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)], fired);
        Assert.Equal(start + TimeSpan.FromSeconds(6), clock.GetUtcNow());
    }

    [Fact]
    public void Given_a_disposed_timer_When_time_advances_Then_it_never_fires()
    {
        var clock = new FakeClock();
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.False(fired);
        Assert.Equal(0, clock.ScheduledTimerCount);
    }

    [Fact]
    public async Task Given_no_timer_When_one_is_scheduled_Then_the_waiter_completes()
    {
        var clock = new FakeClock();
        var waiting = clock.WhenTimerScheduledAsync();
        Assert.False(waiting.IsCompleted);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), clock);

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cancel.IsCancellationRequested);
    }
}
