namespace AgentDeck.Supervision.Tests;

public sealed class IngestTickTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_several_waiters_When_the_tick_comes_Then_all_of_them_go_on_together()
    {
        using var tick = new IngestTick(TimeSpan.FromMilliseconds(5));

        var first = tick.NextAsync();
        var second = tick.NextAsync();

        Assert.Same(first, second);
        await first.WaitAsync(HangGuard);
        Assert.NotSame(first, tick.NextAsync());
    }

    [Fact]
    public async Task Given_a_waiter_When_the_tick_is_disposed_Then_it_goes_on_and_later_waits_end_at_once()
    {
        var tick = new IngestTick(TimeSpan.FromHours(1));
        var waiting = tick.NextAsync();

        tick.Dispose();

        await waiting.WaitAsync(HangGuard);
        Assert.True(tick.NextAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Given_a_cancelled_wait_When_waiting_for_the_tick_Then_it_throws_cancelled()
    {
        using var tick = new IngestTick(TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();

        var waiting = tick.NextAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(HangGuard));
    }

    [Fact]
    public void Given_a_period_of_zero_When_created_Then_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IngestTick(TimeSpan.Zero));
}
