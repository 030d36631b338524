using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Supervision footprint: 16 workers, each a fake <c>claude</c> (<see cref="FakeStreamingAgent"/>) streaming real
/// stream-json lines at 100 lines/s, launched through <c>WorkerLauncher</c> into one supervisor host. Over a
/// steady-state window the host's (AgentDeck's only process while no front end is open) VmRSS is sampled and its
/// CPU time (utime+stime) measured; both are printed per worker, with the events the ledger took in.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*SupervisionFootprint*'
/// </summary>
[Config(typeof(LongInProcessConfig))]
public class SupervisionFootprintBenchmark
{
    private const int Workers = 16;
    private const int LinesPerSecond = 100;
    private const double StreamSeconds = 22;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(12);

    private readonly List<string> _figures = [];
    private SupervisionSandbox _sandbox = null!;

    [GlobalSetup]
    public void CreateSandbox() => _sandbox = new SupervisionSandbox(hostIdleSeconds: 120);

    [Benchmark]
    public void SixteenStreamingWorkers()
    {
        var runs = Enumerable.Range(0, Workers).Select(_ => _sandbox.Launch(LinesPerSecond, StreamSeconds).Id).ToList();
        _sandbox.WaitUntilAllRunning(runs);

        var host = _sandbox.SupervisorPid(runs[0]);
        if (runs.Any(id => _sandbox.SupervisorPid(id) != host))
        {
            throw new InvalidOperationException("the workers are not all supervised by one host");
        }

        Thread.Sleep(WarmUp);
        var before = ProcessSample.Of(host);
        var eventsBefore = runs.Sum(id => _sandbox.Ledger.CountEvents(id));
        var rss = new List<long>();
        var until = DateTime.UtcNow + Window;
        while (DateTime.UtcNow < until)
        {
            rss.Add(ProcessSample.Of(host).RssKiB);
            Thread.Sleep(250);
        }

        var after = ProcessSample.Of(host);
        var helpers = WorkerHelpers.Sample(runs.Select(id => _sandbox.AgentPid(id)));
        var events = runs.Sum(id => _sandbox.Ledger.CountEvents(id)) - eventsBefore;
        _sandbox.WaitUntilEnded(runs);
        var idle = ProcessSample.Of(host).RssKiB;

        var seconds = Window.TotalSeconds;
        var cpuShare = (after.CpuSeconds - before.CpuSeconds) / seconds;
        var peak = rss.Max();
        var figure = $"host pid {host}: RSS peak {peak / 1024.0:0.0} MiB = {peak / 1024.0 / Workers:0.00} MiB per worker " +
            $"(host after the runs ended {idle / 1024.0:0.0} MiB; marginal {(peak - idle) / 1024.0 / Workers:0.00} MiB per worker); " +
            $"CPU {cpuShare * 100:0.0}% of a core = {cpuShare * 100 / Workers:0.00}% per worker; " +
            $"ledger took {events / seconds / Workers:0} events/s per worker; " +
            $"beside the workers {helpers.Count} sh/cat/flock helpers, {helpers.RssKiB / 1024.0:0.0} MiB = {helpers.RssKiB / 1024.0 / Workers:0.00} MiB per worker";
        _figures.Add(figure);
        Console.WriteLine("// " + figure);
    }

    [GlobalCleanup]
    public void Report()
    {
        foreach (var figure in _figures)
        {
            Console.WriteLine("// supervision footprint, 16 workers x 100 lines/s: " + figure);
        }

        _sandbox.Dispose();
    }
}
