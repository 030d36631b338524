using AgentDeck.Core.Processes;
using AgentDeck.Processes;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Spawn-to-first-event with NO supervisor host running (each iteration waits until the last one's host ended): from
/// <c>WorkerLauncher.Launch</c> to the worker's first event committed in the ledger. <c>ColdLaunchHandedOver</c> is
/// today's path (the front end starts the worker at once and hands it to the host it starts alongside);
/// <c>ColdLaunchHostStartsWorker</c> the path before (start the host, wait for it, and the host starts the worker).
/// The baseline is the same fake agent started directly until its first line. <see cref="FirstLineDelayMs"/> makes
/// the fake take as long as a real CLI before its first line (claude and codex take a second or more).
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*SpawnToFirstEventCold*'
/// </summary>
[Config(typeof(SpawnInProcessConfig))]
[MedianColumn]
public class SpawnToFirstEventColdBenchmark
{
    private readonly ProcessRunner _runner = new();
    private SupervisionSandbox _handedOver = null!;
    private SupervisionSandbox _hostStarts = null!;
    private SupervisionSandbox? _current;
    private string? _lastRun;

    [Params(0, 1000)]
    public int FirstLineDelayMs { get; set; }

    private string Prompt => FakeStreamingAgent.Prompt(0, 0, TimeSpan.FromMilliseconds(FirstLineDelayMs));

    [GlobalSetup]
    public void CreateSandboxes()
    {
        // A host idle for a second ends soon after each run, and not before the start request of the old path reaches it.
        _handedOver = new SupervisionSandbox(hostIdleSeconds: 1);
        _hostStarts = new SupervisionSandbox(hostIdleSeconds: 1, new HostStartsWorkerRunner());
    }

    [Benchmark(Baseline = true)]
    public void FakeAgentDirectToFirstLine()
    {
        var process = _runner.Start(ProcessSpec.For(_handedOver.AgentPath) with { Stdin = StdinMode.Pipe, Grouping = ProcessGrouping.NewSession });
        process.WriteStdinLineAsync("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"" + Prompt + "\"}}").GetAwaiter().GetResult();
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
    public void ColdLaunchHandedOver() => LaunchToFirstEvent(_handedOver);

    [Benchmark]
    public void ColdLaunchHostStartsWorker() => LaunchToFirstEvent(_hostStarts);

    [IterationCleanup]
    public void WaitForLastRunAndHost()
    {
        if (_current is { } sandbox && _lastRun is { } id)
        {
            sandbox.WaitUntilEnded([id]);
            sandbox.WaitUntilNoHost();
        }

        _current = null;
        _lastRun = null;
    }

    [GlobalCleanup]
    public void RemoveSandboxes()
    {
        _handedOver.Dispose();
        _hostStarts.Dispose();
    }

    private void LaunchToFirstEvent(SupervisionSandbox sandbox)
    {
        _current = sandbox;
        _lastRun = sandbox.Launch(Prompt).Id;
        var spin = new SpinWait();
        while (sandbox.Ledger.CountEvents(_lastRun) == 0)
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }
}
