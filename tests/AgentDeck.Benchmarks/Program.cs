using AgentDeck.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["latency-probe", ..])
{
    // A quick look without BenchmarkDotNet: a few operations of each latency, printed one per line.
    var probe = new ScreenLatencyBenchmark();
    probe.Setup();
    for (var i = 0; i < 10; i++)
    {
        Console.WriteLine($"keypress → frame {probe.KeypressToFrame():F2} ms (selected {probe.Selected})");
    }

    for (var i = 0; i < 10; i++)
    {
        Console.WriteLine($"worker output → screen {probe.OutputToScreen():F2} ms");
    }

    probe.Cleanup();
    return;
}

if (args is ["concurrent-detach-probe", var detachRounds, var detachStarts])
{
    // Whole-process run --detach, many at once with a status loop beside them: time from process start to the run id.
    AgentDeck.Benchmarks.ConcurrentDetachProbe.Run(
        int.Parse(detachRounds, System.Globalization.CultureInfo.InvariantCulture), int.Parse(detachStarts, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["cold-spawn-probe", var rounds, var firstLineDelayMs])
{
    // A quick look without BenchmarkDotNet: cold launches (no host running) to the first ledger event, both paths.
    var cold = new SpawnToFirstEventColdBenchmark { FirstLineDelayMs = int.Parse(firstLineDelayMs, System.Globalization.CultureInfo.InvariantCulture) };
    cold.CreateSandboxes();
    for (var i = 0; i < int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        cold.ColdLaunchHandedOver();
        var handedOver = watch.Elapsed.TotalMilliseconds;
        cold.WaitForLastRunAndHost();
        watch.Restart();
        cold.ColdLaunchHostStartsWorker();
        var hostStarts = watch.Elapsed.TotalMilliseconds;
        cold.WaitForLastRunAndHost();
        watch.Restart();
        cold.FakeAgentDirectToFirstLine();
        var direct = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"cold spawn → first event: handed over {handedOver:F0} ms, host starts worker {hostStarts:F0} ms; agent alone {direct:F0} ms");
    }

    cold.RemoveSandboxes();
    return;
}

if (args is ["warm-spawn-probe", var warmRounds, var warmDelayMs])
{
    // Warm host (it stays 5 minutes): launch → first ledger event with the agent's first line delayed as given.
    using var sandbox = new SupervisionSandbox(hostIdleSeconds: 300);
    var prompt = FakeStreamingAgent.Prompt(0, 0, TimeSpan.FromMilliseconds(int.Parse(warmDelayMs, System.Globalization.CultureInfo.InvariantCulture)));
    for (var i = 0; i <= int.Parse(warmRounds, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var id = sandbox.Launch(prompt).Id;
        while (sandbox.Ledger.CountEvents(id) == 0)
        {
            Thread.Sleep(1);
        }

        Console.WriteLine($"{(i == 0 ? "cold" : "warm")} spawn → first event: {watch.Elapsed.TotalMilliseconds:F0} ms");
        sandbox.WaitUntilEnded([id]);
    }

    return;
}

if (args is ["ingest-probe", ..])
{
    // Where ingest CPU goes, stage by stage (docs/performance.md, "Ingest").
    var agent = args.Length > 1 && args[1] == "codex" ? AgentDeck.Core.AgentKind.Codex : AgentDeck.Core.AgentKind.Claude;
    var lines = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
    var ingestRounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
    IngestProbe.Run(agent, lines, ingestRounds, args.Length > 4 ? args[4] : null);
    return;
}

if (args is ["tape-probe", ..])
{
    // The tape alone, lines in cache (docs/performance.md, "Ingest").
    var agent = args.Length > 1 && args[1] == "codex" ? AgentDeck.Core.AgentKind.Codex : AgentDeck.Core.AgentKind.Claude;
    var passes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
    var tapeRounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30;
    AgentDeck.Benchmarks.TapeProbe.Run(agent, passes, tapeRounds);
    return;
}

if (args is ["ingest-chunks", ..])
{
    // The recorder's CPU per chunk of lines, low percentiles: resolves a few percent on a noisy box.
    var agent = args.Length > 1 && args[1] == "codex" ? AgentDeck.Core.AgentKind.Codex : AgentDeck.Core.AgentKind.Claude;
    var lines = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 300_000;
    var chunkRounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4;
    var passes = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 40;
    IngestChunkProbe.Run(agent, lines, chunkRounds, passes);
    return;
}

if (args is ["line-probe", ..])
{
    // Parse cost per kind of big line, best of many short runs in thread CPU time.
    IngestProbe.RunLineTypes(args.Length > 1 && args[1] == "codex" ? AgentDeck.Core.AgentKind.Codex : AgentDeck.Core.AgentKind.Claude);
    return;
}

if (args is ["seed-idle", var folder, var count])
{
    // A ledger of idle workers for the idle-screen measurement (docs/performance.md, "Idle TUI").
    IdleLedger.Seed(folder, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["alloc-probe", ..])
{
    FrameStageProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

if (args is ["host-growth-probe", var batches])
{
    // Does the host keep memory per finished run? (docs/performance.md, "Supervision").
    HostGrowthProbe.Run(int.Parse(batches, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["idle-host-probe", var workers])
{
    // The idle supervisor host (docs/performance.md, "Supervision"): kept-open workers waiting on stdin.
    IdleHostProbe.Run(int.Parse(workers, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["config-check-probe", var checkRounds])
{
    ConfigCheckProbe.Run(int.Parse(checkRounds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
