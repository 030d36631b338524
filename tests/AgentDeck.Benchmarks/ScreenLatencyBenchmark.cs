using System.Diagnostics;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Terminal;
using AgentDeck.Tui.App;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Themes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Responsiveness budgets on the real screen loop (<see cref="DeckApp"/> over a <see cref="TerminalSession"/> on an
/// in-memory device, 200×50, 16 workers in a SQLite ledger, the CLI's change-gated ledger source):
/// keypress → frame (bytes decoded on the input thread → command → model → frame build → diff written), target
/// p99 ≤ 16 ms; worker output → on screen (an event committed by another connection, as a supervisor does → the
/// screen, woken by the ledger's file watcher as in the CLI → frame written), target p99 ≤ 100 ms. One operation = one latency.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*ScreenLatency*'
/// </summary>
[Config(typeof(LatencyConfig))]
public class ScreenLatencyBenchmark
{
    private const int Workers = 16;
    private readonly List<string> _runIds = [];
    private string _state = "";
    private SqliteRunLedger _writer = null!;
    private SqliteRunLedger _reader = null!;
    private PipeTerminalDevice _device = null!;
    private FrameWatcher _output = null!;
    private TerminalSession _session = null!;
    private DeckApp _app = null!;
    private Thread _loop = null!;
    private readonly Random _phase = new(20261121);
    private long _line;
    private bool _down;

    /// <summary>The selected worker (the probe prints it to show keys move it).</summary>
    public int Selected => _app.Controller.Selected;

    [GlobalSetup]
    public void Setup()
    {
        _state = Directory.CreateTempSubdirectory("agentdeck-bench-screen-").FullName;
        var paths = new AgentDeckPaths(_state);
        _writer = SqliteRunLedger.Open(paths);
        for (var i = 0; i < Workers; i++)
        {
            var run = _writer.CreateRun(new NewRun("claude") { Role = "implementation", Status = RunStatus.Running, Prompt = $"worker {i}" });
            _runIds.Add(run.Id);
            Append(run.Id, $"warming up worker {i}");
        }

        _reader = SqliteRunLedger.Open(paths);
        var source = new ChangeGatedDeckSource(new LedgerDeckSource(_reader, TimeProvider.System), LedgerChangeStamp.For(paths), TimeProvider.System, TimeSpan.FromSeconds(2));
        _device = new PipeTerminalDevice(200, 50);
        _output = new FrameWatcher();
        _session = new TerminalSession(_device, _output, new TerminalSessionOptions { ColorDepth = ColorDepth.TrueColor }, TimeProvider.System, handleProcessEvents: false);
        // The default (dark) theme, as the app opens with: the plain theme draws no selection highlight.
        _app = new DeckApp(new DeckOptions { Source = source, Changes = new LedgerChangeNotifier(paths), Keys = KeyMap.Default, Theme = new ThemeLoader([]).Load(null).Theme });
        _loop = new Thread(() => _app.Run(_session)) { IsBackground = true, Name = "screen loop" };
        _loop.Start();
        _output.Expect(() => _app.Controller.Snapshot.Workers.Count == Workers).Wait(TimeSpan.FromMinutes(1));

        // Steady state, as in DeckFrameBenchmark: keys and output for a few seconds first, so the runtime's tier-1 code
        // of the screen loop is what gets timed, not its first minutes of tier-0 code.
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * DeckFrameBenchmark.WarmUpSeconds);
        while (Stopwatch.GetTimestamp() < until)
        {
            KeypressToFrame();
            OutputToScreen();
        }
    }

    [Benchmark(Description = "keypress → frame")]
    public double KeypressToFrame()
    {
        var before = _app.Controller.Selected;
        var seen = _output.Expect(() => _app.Controller.Selected != before);
        var start = Stopwatch.GetTimestamp();
        _down = !_down;
        _device.Type(_down ? "j" : "k");
        return Stopwatch.GetElapsedTime(start, seen.GetAwaiter().GetResult()).TotalMilliseconds;
    }

    /// <summary>
    /// Output arrives at any moment of the screen's poll cycle, not just after a frame (where a closed loop of
    /// operations would always land): a random pause, not timed, puts each append at a random phase.
    /// </summary>
    [IterationSetup(Target = nameof(OutputToScreen))]
    public void RandomPhase() => Thread.Sleep(_phase.Next(0, (int)DeckApp.PollInterval.TotalMilliseconds + 1));

    [Benchmark(Description = "worker output → screen")]
    public double OutputToScreen()
    {
        var marker = $"output line {++_line}";
        var runId = _runIds[(int)(_line % Workers)];
        var seen = _output.Expect(() => _app.Controller.Snapshot.Workers.Any(w => w.Run.Id == runId && w.Tail.Count > 0 && w.Tail[^1].Contains(marker, StringComparison.Ordinal)));
        var start = Stopwatch.GetTimestamp();
        Append(runId, marker);
        return Stopwatch.GetElapsedTime(start, seen.GetAwaiter().GetResult()).TotalMilliseconds;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _device.Type("q");
        _loop.Join(TimeSpan.FromSeconds(10));
        _session.Dispose();
        _reader.Dispose();
        _writer.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private void Append(string runId, string text) =>
        _writer.AppendEvents(runId, [new EventToAppend(new AssistantText(text, false), RunStream.Stdout, 1, DateTimeOffset.UtcNow, null)]);

    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            // One latency per iteration so percentiles are per operation; outliers kept (the budget is about p99).
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
                .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(10).WithIterationCount(200).WithId("latency"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}
