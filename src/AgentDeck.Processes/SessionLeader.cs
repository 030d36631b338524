namespace AgentDeck.Processes;

/// <summary>
/// Process.Start returns once setsid is exec'd, a moment before setsid() has run; until then a group signal would find
/// no group. This waits out that moment.
/// </summary>
internal static class SessionLeader
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(10);

    public static void WaitUntilLeading(int pid, Func<bool> hasExited)
    {
        var spin = new SpinWait();
        var deadline = Environment.TickCount64 + (long)SafetyLimit.TotalMilliseconds;
        while (Posix.SessionOf(pid) != pid && !hasExited() && Environment.TickCount64 < deadline)
        {
            spin.SpinOnce(sleep1Threshold: 10);
        }
    }
}
