using System.Globalization;

namespace AgentDeck.Benchmarks;

/// <summary>What <c>/proc</c> says about one process: resident memory and CPU time used so far.</summary>
public readonly record struct ProcessSample(long RssKiB, double CpuSeconds)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessSample Of(int pid)
    {
        var rss = File.ReadLines($"/proc/{pid}/status")
            .First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessSample(long.Parse(rss, CultureInfo.InvariantCulture), ticks / TicksPerSecond);
    }
}
