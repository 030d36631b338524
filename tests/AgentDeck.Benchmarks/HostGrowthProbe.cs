using System.Globalization;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Does the supervisor host keep something per finished run? Batches of 16 short streaming runs go one after the
/// other into one host; after each batch ended, the host's VmRSS and its anonymous and file-backed parts are printed.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- host-growth-probe BATCHES
/// </summary>
public static class HostGrowthProbe
{
    private const int Workers = 16;

    public static void Run(int batches)
    {
        using var sandbox = new SupervisionSandbox(hostIdleSeconds: 600);
        int? host = null;
        for (var batch = 1; batch <= batches; batch++)
        {
            var runs = Enumerable.Range(0, Workers).Select(_ => sandbox.Launch(100, 2).Id).ToList();
            sandbox.WaitUntilEnded(runs);
            host ??= sandbox.SupervisorPid(runs[0]);
            Thread.Sleep(TimeSpan.FromSeconds(2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after batch {batch} ({batch * Workers} runs): {Memory(host.Value)}"));
        }
    }

    private static string Memory(int pid)
    {
        var status = File.ReadLines($"/proc/{pid}/status").ToDictionary(l => l.Split(':')[0], l => l.Split(':', 2)[1].Trim());
        return $"VmRSS {status["VmRSS"]}, RssAnon {status["RssAnon"]}, RssFile {status["RssFile"]}, threads {status["Threads"]}";
    }
}
