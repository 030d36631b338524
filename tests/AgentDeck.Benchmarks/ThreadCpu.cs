using System.Runtime.InteropServices;

namespace AgentDeck.Benchmarks;

/// <summary>This thread's CPU time (CLOCK_THREAD_CPUTIME_ID): time spent waiting for a core does not count.</summary>
public static class ThreadCpu
{
    private const int ThreadCpuClock = 3;

    public static long Nanos()
    {
        _ = ClockGetTime(ThreadCpuClock, out var time);
        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
