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

if (args is ["ingest-probe", ..])
{
    // Where ingest CPU goes, stage by stage (docs/performance.md, "Ingest").
    var agent = args.Length > 1 && args[1] == "codex" ? AgentDeck.Core.AgentKind.Codex : AgentDeck.Core.AgentKind.Claude;
    var lines = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
    var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
    IngestProbe.Run(agent, lines, rounds, args.Length > 4 ? args[4] : null);
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
    // Where a deck frame's allocations go: bytes allocated by each stage, averaged over 200 frames.
    var frames = new DeckFrameBenchmark();
    frames.Setup();
    var totals = new long[3];
    for (var i = 0; i < 200; i++)
    {
        var stages = frames.MeasureStages();
        for (var s = 0; s < 3; s++)
        {
            totals[s] += stages[s];
        }
    }

    Console.WriteLine($"per frame: poll {totals[0] / 200:N0} B, draw {totals[1] / 200:N0} B, diff {totals[2] / 200:N0} B");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
