using AgentDeck.Core.Processes;
using AgentDeck.Processes;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Spawn-to-first-event with NO supervisor host running (each iteration waits until the last one's host ended): from
/// <c>WorkerLauncher.Launch</c> to the worker's first event committed in the ledger, as another reader of the ledger
/// (the TUI, <c>agentdeck show</c>) sees it: the launch runs on another thread, since it returns only once the host
/// took the worker over, and the front end may commit the first events before that. <c>ColdLaunchHandedOver</c> is
/// today's path (the front end starts the worker at once, records its first lines while the host starts alongside,
/// and hands it over);
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
    private Task? _launching;

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
        _launching?.GetAwaiter().GetResult();
        _launching = null;
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
        string? created = null;
        var prompt = Prompt;
        _launching = Task.Factory.StartNew(
            () => sandbox.Launch(prompt, created: id => Volatile.Write(ref created, id)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var spin = new SpinWait();
        while (Volatile.Read(ref created) is not { } runId || sandbox.Watcher.CountEvents(runId) == 0)
        {
            if (_launching.IsFaulted)
            {
                _launching.GetAwaiter().GetResult();
            }

            spin.SpinOnce(sleep1Threshold: 20);
        }

        _lastRun = created;
    }
}
