using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger.Tests;

public sealed class RunIdsTests
{
    [Fact]
    public void A_new_id_is_ten_lowercase_base32_characters()
    {
        var id = RunIds.New(DateTimeOffset.UtcNow);

        Assert.Equal(10, id.Length);
        Assert.True(RunIds.IsValid(id));
        Assert.All(id, c => Assert.Contains(c, RunIds.Alphabet));
    }

    [Fact]
    public void Ids_sort_by_creation_time()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 200).Select(i => RunIds.New(start.AddMilliseconds(i * 37), random: 1023 - (i % 1024))).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void The_time_can_be_read_back_from_an_id()
    {
        var time = new DateTimeOffset(2031, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

        Assert.Equal(time, RunIds.TimeOf(RunIds.New(time, random: 77)));
    }

    [Theory]
    [InlineData("05A1", "05a1")]
    [InlineData(" 0iLo ", "0110")]
    [InlineData("zz", "zz")]
    public void A_typed_prefix_is_normalized(string typed, string expected)
    {
        Assert.True(RunIds.TryNormalizePrefix(typed, out var prefix));
        Assert.Equal(expected, prefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab%")]
    [InlineData("u")]
    [InlineData("0123456789a")]
    public void Something_that_cannot_start_an_id_is_refused(string typed)
    {
        Assert.False(RunIds.TryNormalizePrefix(typed, out _));
    }
}
