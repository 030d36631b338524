using System.Buffers;
using System.Diagnostics;
using AgentDeck.Terminal;
using AgentDeck.Terminal.Input;
using AgentDeck.Tui.App;
using AgentDeck.Tui.Themes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The real mission-control screen (DeckView with its Spectre-drawn panes, dark theme, 200×50, 16 streaming workers)
/// without thread hops: "deck frame" = poll the model + build the whole frame + diff it into bytes, each worker
/// getting a new line per frame (16 × 50 lines/s at 50 fps), target p99 ≤ 4 ms; "keypress → frame (CPU)" = decode
/// the key's bytes → command → model update → frame build → diff bytes, target p99 ≤ 16 ms.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*DeckFrame*'
/// </summary>
[Config(typeof(DeckFrameConfig))]
[MemoryDiagnoser]
public class DeckFrameBenchmark
{
    private readonly ArrayBufferWriter<byte> _sink = new(256 * 1024);
    private readonly List<InputEvent> _events = [];
    private StreamingDeckSource _source = null!;
    private DeckController _deck = null!;
    private InputDecoder _decoder = null!;
    private DiffWriter _diff = null!;
    private CellBuffer _previous = null!;
    private CellBuffer _next = null!;
    private bool _down;

    [GlobalSetup]
    public void Setup()
    {
        _source = new StreamingDeckSource(16);
        _deck = new DeckController(new DeckOptions { Source = _source, Theme = new ThemeLoader([]).Load(null).Theme });
        _decoder = new InputDecoder(TimeProvider.System);
        _diff = new DiffWriter(ColorDepth.TrueColor);
        _previous = new CellBuffer(200, 50);
        _next = new CellBuffer(200, 50);
        // The screen runs for hours: measure its steady state. The runtime re-compiles hot methods at tier 1 in the
        // background once they have been called often enough; after only ~100 frames much of the frame path still ran
        // tier-0 code (median 2-3 ms here, against ~0.6 ms with DOTNET_TieredCompilation=0), so frames run for a few
        // seconds first, both paths, as a deck that has been open a while has.
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * WarmUpSeconds);
        while (Stopwatch.GetTimestamp() < until)
        {
            StreamingFrame();
            KeypressFrame();
        }
    }

    /// <summary>How long frames run before measuring (see <see cref="Setup"/>).</summary>
    public const int WarmUpSeconds = 3;

    [Benchmark(Description = "deck frame: poll + build + diff")]
    public int StreamingFrame()
    {
        _source.Stream();
        _deck.Refresh();
        return Frame();
    }

    [Benchmark(Description = "keypress → frame (CPU)")]
    public int KeypressFrame()
    {
        _down = !_down;
        _events.Clear();
        _decoder.Feed(_down ? "j"u8 : "k"u8, _events);
        foreach (var input in _events)
        {
            if (input is KeyEvent key)
            {
                _deck.HandleKey(key);
            }
        }

        return Frame();
    }

    /// <summary>Bytes allocated and stopwatch ticks taken by poll, draw and diff of one streaming frame (for the probe).</summary>
    public (long Bytes, long Ticks)[] MeasureStages()
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var ticks = Stopwatch.GetTimestamp();
        _source.Stream();
        _deck.Refresh();
        var polled = (Bytes: GC.GetAllocatedBytesForCurrentThread(), Ticks: Stopwatch.GetTimestamp());
        _next.Clear();
        DeckView.Draw(_next, _deck);
        var drawn = (Bytes: GC.GetAllocatedBytesForCurrentThread(), Ticks: Stopwatch.GetTimestamp());
        _sink.ResetWrittenCount();
        _diff.Write(_previous, _next, _sink);
        (_previous, _next) = (_next, _previous);
        var diffed = (Bytes: GC.GetAllocatedBytesForCurrentThread(), Ticks: Stopwatch.GetTimestamp());
        return
        [
            (polled.Bytes - bytes, polled.Ticks - ticks),
            (drawn.Bytes - polled.Bytes, drawn.Ticks - polled.Ticks),
            (diffed.Bytes - drawn.Bytes, diffed.Ticks - drawn.Ticks),
        ];
    }

    private int Frame()
    {
        _next.Clear();
        DeckView.Draw(_next, _deck);
        _sink.ResetWrittenCount();
        _diff.Write(_previous, _next, _sink);
        (_previous, _next) = (_next, _previous);
        return _sink.WrittenCount;
    }

    private sealed class DeckFrameConfig : ManualConfig
    {
        public DeckFrameConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
                .WithGcForce(false).WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(30).WithIterationCount(400).WithId("frames"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}
