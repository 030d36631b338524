using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Screen budget: 200×50, 16 worker panes each getting a new line per frame (16 workers × 50 lines/s at 50 fps).
/// One operation = build the whole frame + diff it into ANSI bytes. Targets: p99 ≤ 4 ms; diff bytes ≤ 1/10 of a
/// full redraw. Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*FrameDiff*'
/// </summary>
[Config(typeof(FrameDiffConfig))]
[MemoryDiagnoser]
public class FrameDiffBenchmark
{
    private FrameDiffScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new FrameDiffScenario();
        for (var i = 0; i < 100; i++)
        {
            _scenario.NextFrame(fullRedraw: false);
        }
    }

    [Benchmark(Description = "build + diff")]
    public int BuildAndDiff() => _scenario.NextFrame(fullRedraw: false);

    [Benchmark(Baseline = true, Description = "build + full redraw")]
    public int BuildAndFullRedraw() => _scenario.NextFrame(fullRedraw: true);

    private sealed class FrameDiffConfig : ManualConfig
    {
        public FrameDiffConfig()
        {
            // One frame per iteration, so the percentiles are per frame rather than averages of batches. In-process:
            // generating and building a separate benchmark project exceeds BenchmarkDotNet's build timeout on a
            // busy 2-core machine. Outliers are kept: the p99 target is about the slow frames.
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove).WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(30).WithIterationCount(400).WithId("frames"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99));
            AddColumn(new FrameBytesColumn("Diff B/frame", m => $"{m.Diff:F0}"));
            AddColumn(new FrameBytesColumn("Full B/frame", m => $"{m.Full:F0}"));
            AddColumn(new FrameBytesColumn("Full/Diff", m => $"{m.Full / m.Diff:F1}x"));
        }
    }
}
