using System.Diagnostics;
using System.Globalization;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Benchmarks;

/// <summary>
/// What a script or a team start does: <see cref="Starts"/> whole-process <c>agentdeck run --detach</c> at once (the
/// real CLI, <c>dotnet agentdeck.dll</c>), each timed from its process start to its run id on stdout, with the fake
/// fast <c>claude</c> from <see cref="SupervisionSandbox"/> and, beside them, a loop of <c>status --json</c> and
/// <c>runs</c> as a watching script has. Every round starts with no supervisor host (the cold case: the first front
/// ends start one while the others find it starting); the round ends once every run ended and the host left.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- concurrent-detach-probe 3 16
/// </summary>
public sealed class ConcurrentDetachProbe(int starts) : IDisposable
{
    private readonly SupervisionSandbox _sandbox = new(hostIdleSeconds: 1);

    public int Starts { get; } = starts;

    /// <summary>One round: the seconds each start took to print its id (sorted), and the status loop's failures.</summary>
    public (double[] Seconds, int StatusFailures) Round()
    {
        using var stopLoop = new CancellationTokenSource();
        var statusLoop = Task.Run(() => StatusLoop(stopLoop.Token));
        using var go = new ManualResetEventSlim();
        var launches = Enumerable.Range(0, Starts)
            .Select(i => Task.Factory.StartNew(() => TimeToId(i, go), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        go.Set();
        var results = launches.Select(t => t.GetAwaiter().GetResult()).ToArray();
        stopLoop.Cancel();
        var statusFailures = statusLoop.GetAwaiter().GetResult();
        _sandbox.WaitUntilEnded(results.Select(r => r.RunId));
        _sandbox.WaitUntilNoHost();
        return ([.. results.Select(r => r.Seconds).Order()], statusFailures);
    }

    public static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    public void Dispose() => _sandbox.Dispose();

    private (string RunId, double Seconds) TimeToId(int index, ManualResetEventSlim go)
    {
        go.Wait();
        var watch = Stopwatch.StartNew();
        var result = Cli("run", "--agent", "claude", "--detach", FakeStreamingAgent.Prompt(0, 0) + $" #{index}");
        var seconds = watch.Elapsed.TotalSeconds;
        var id = result.Stdout.Trim();
        if (result.ExitCode != 0 || id.Length == 0 || id.Contains('\n'))
        {
            throw new InvalidOperationException($"run --detach #{index} failed (exit {result.ExitCode}): {result.Stdout}{result.Stderr}");
        }

        return (id, seconds);
    }

    /// <summary>status --json and runs, one after the other until stopped; returns how many exited non-zero.</summary>
    private int StatusLoop(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var verb in new[] { new[] { "status", "--json" }, ["runs"] })
            {
                var result = Cli(verb);
                if (result.ExitCode != 0)
                {
                    failures++;
                    Console.Error.WriteLine($"{string.Join(' ', verb)} failed (exit {result.ExitCode}): {result.Stderr.Trim()}");
                }
            }
        }

        return failures;
    }

    private (int ExitCode, string Stdout, string Stderr) Cli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _sandbox.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    /// <summary>Prints each round's median and p95 time to the id, then those of every start of every round.</summary>
    public static void Run(int rounds, int starts)
    {
        using var probe = new ConcurrentDetachProbe(starts);
        var all = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var (seconds, statusFailures) = probe.Round();
            all.AddRange(seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {starts} concurrent run --detach → id: median {Percentile(seconds, 0.5):F2} s, p95 {Percentile(seconds, 0.95):F2} s, max {seconds[^1]:F2} s; status/runs failures {statusFailures}"));
        }

        var sorted = all.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all {sorted.Length} starts: median {Percentile(sorted, 0.5):F2} s, p95 {Percentile(sorted, 0.95):F2} s (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
    }
}
