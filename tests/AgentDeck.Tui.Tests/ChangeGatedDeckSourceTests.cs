using AgentDeck.TestSupport;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class ChangeGatedDeckSourceTests
{
    private readonly FakeDeckSource _inner = new(DeckSnapshot.Empty(DateTimeOffset.UnixEpoch) with { Version = 7 });
    private readonly FakeClock _clock = new();
    private long _stamp = 1;

    private ChangeGatedDeckSource Gated() => new(_inner, () => _stamp, _clock, TimeSpan.FromSeconds(2));

    [Fact]
    public void Given_no_change_when_polled_again_then_the_inner_source_is_not_queried_and_the_clock_moves_on()
    {
        var gated = Gated();
        gated.Poll(DeckScope.All);
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        var second = gated.Poll(DeckScope.All);

        Assert.Single(_inner.Polls);
        Assert.Equal(7, second.Version);
        Assert.Equal(_clock.GetUtcNow(), second.Now);
    }

    [Fact]
    public void Given_a_moved_stamp_a_new_scope_a_read_mark_or_an_old_snapshot_when_polled_then_the_inner_source_is_queried()
    {
        var gated = Gated();
        gated.Poll(DeckScope.All);

        _stamp++;
        gated.Poll(DeckScope.All);
        gated.Poll(new DeckScope("/repo", "/repo", false));
        gated.MarkRead("run-1");
        gated.Poll(new DeckScope("/repo", "/repo", false));
        _clock.Advance(TimeSpan.FromSeconds(3));
        gated.Poll(new DeckScope("/repo", "/repo", false));

        Assert.Equal(5, _inner.Polls.Count);
        Assert.Equal(["run-1"], _inner.MarkedRead);
    }
}
