using System.Globalization;

namespace AgentDeck.Benchmarks;

/// <summary>
/// AgentDeck's own small processes beside each worker (the <c>sh</c> waiter, its stdin feed's <c>cat</c>, the
/// lifeline's <c>flock</c>): the live processes of the host's sessionless children whose command is one of those.
/// </summary>
public static class WorkerHelpers
{
    private static readonly HashSet<string> Names = ["sh", "cat", "flock"];

    /// <summary>Summed VmRSS (KiB) and count of the helpers in the workers' process groups.</summary>
    public static (long RssKiB, int Count) Sample(IEnumerable<int> workerGroups)
    {
        var groups = workerGroups.ToHashSet();
        long rss = 0;
        var count = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (fields[0] is "Z" or "X" || !groups.Contains(int.Parse(fields[2], CultureInfo.InvariantCulture)) || !Names.Contains(name))
                {
                    continue;
                }

                rss += ProcessSample.Of(pid).RssKiB;
                count++;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // Gone between listing and reading.
            }
        }

        return (rss, count);
    }
}
