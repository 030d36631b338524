using System.Diagnostics;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Processes;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Spawn-to-first-event: from <c>WorkerLauncher.Launch</c> (what <c>agentdeck run --detach</c> calls) to the worker's
/// first event committed in the ledger, with the supervisor host already running (it stays warm after a worker).
/// The baseline is the same fake agent started directly (own session, prompt on stdin) until its first line; the
/// difference is AgentDeck's overhead. A cold spawn (no host yet, so a host process starts) is printed once.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*SpawnToFirstEvent*'
/// </summary>
[Config(typeof(SpawnInProcessConfig))]
[MedianColumn]
public class SpawnToFirstEventBenchmark
{
    private readonly ProcessRunner _runner = new();
    private SupervisionSandbox _sandbox = null!;
    private string? _lastRun;

    [GlobalSetup]
    public void CreateSandbox()
    {
        _sandbox = new SupervisionSandbox(hostIdleSeconds: 300);
        var cold = Stopwatch.StartNew();
        _lastRun = _sandbox.Launch(0, 0).Id;
        WaitForFirstEvent(_lastRun);
        Console.WriteLine($"// cold spawn (the supervisor host process started too): {cold.Elapsed.TotalMilliseconds:0} ms to the first event");
        WaitForLastRun();
    }

    [Benchmark(Baseline = true)]
    public void FakeAgentDirectToFirstLine()
    {
        var process = _runner.Start(ProcessSpec.For(_sandbox.AgentPath) with { Stdin = StdinMode.Pipe, Grouping = ProcessGrouping.NewSession });
        process.WriteStdinLineAsync("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"stream 0/s for 0 s\"}}").GetAwaiter().GetResult();
        var lines = process.StdoutLines.GetAsyncEnumerator();
        if (!lines.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the fake agent printed nothing");
        }

        process.CloseStdin();
        process.WaitForExitAsync().GetAwaiter().GetResult();
        lines.DisposeAsync().AsTask().GetAwaiter().GetResult();
        process.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public void LaunchToFirstLedgerEvent()
    {
        _lastRun = _sandbox.Launch(0, 0).Id;
        WaitForFirstEvent(_lastRun);
    }

    [IterationCleanup]
    public void WaitForLastRun()
    {
        if (_lastRun is { } id)
        {
            _sandbox.WaitUntilEnded([id]);
            _lastRun = null;
        }
    }

    [GlobalCleanup]
    public void RemoveSandbox() => _sandbox.Dispose();

    private void WaitForFirstEvent(string runId)
    {
        var spin = new SpinWait();
        while (_sandbox.Ledger.CountEvents(runId) == 0)
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }
}
