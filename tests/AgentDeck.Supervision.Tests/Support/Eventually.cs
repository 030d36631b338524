namespace AgentDeck.Supervision.Tests.Support;

/// <summary>Waits for a condition that another thread makes true; fails (not times) when it never does.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"never happened: {what}");
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 1000; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"never happened: {what}");
    }
}
