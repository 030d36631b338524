namespace AgentDeck.Tui.Tests.Support;

/// <summary>Polls a condition until it holds. A bound, not a timing assertion: the shared machine may be slow, so it is generous.</summary>
public static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static void True(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, describe());
            Thread.Sleep(150);
        }
    }
}
