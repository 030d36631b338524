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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
