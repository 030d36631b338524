using System.Diagnostics;
using AgentDeck.Core.Runs;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The idle supervisor host: <c>count</c> kept-open fake <c>claude</c> workers that answered their one turn and wait on
/// stdin, all in one host; after a settle time, the host's CPU time over a window. Ends the host with SIGTERM (which
/// stops every worker). Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- idle-host-probe 50
/// </summary>
public static class IdleHostProbe
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static void Run(int count)
    {
        using var sandbox = new SupervisionSandbox(hostIdleSeconds: 5);
        var runs = Enumerable.Range(0, count).Select(_ => sandbox.Launch(rate: 0, seconds: 0, keepOpen: true).Id).ToList();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (runs.Any(id => sandbox.Status(id) != RunStatus.Idle) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
        }

        var host = sandbox.SupervisorPid(runs[0]);
        var idle = runs.Count(id => sandbox.Status(id) == RunStatus.Idle);
        Thread.Sleep(Settle);
        var before = ProcessSample.Of(host);
        Thread.Sleep(Window);
        var after = ProcessSample.Of(host);
        var share = (after.CpuSeconds - before.CpuSeconds) / Window.TotalSeconds;
        Console.WriteLine($"host pid {host}: {idle} of {count} workers idle; CPU {share * 100:0.00}% of a core " +
            $"({(after.CpuSeconds - before.CpuSeconds) * 100:0} ticks in {Window.TotalSeconds:0} s); RSS {after.RssKiB / 1024.0:0.0} MiB");
        using var hostProcess = Process.GetProcessById(host);
        Terminate(host);
        hostProcess.WaitForExit(TimeSpan.FromMinutes(1));
    }

    private static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
