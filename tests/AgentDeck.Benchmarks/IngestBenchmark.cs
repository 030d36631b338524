using System.Diagnostics;
using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Ingest end to end, as a live worker's output goes: raw line appended to the run's stdout.log, parsed and normalized
/// by the agent's real parser, persisted into a fresh SQLite ledger by <see cref="RunRecorder"/> (tally, batching).
/// The stream is 1,000,000 lines made by repeating every real transcript of one agent (tests/fixtures/transcripts).
/// Figures are per line (OperationsPerInvoke); process CPU time per line is printed too, since wall time on a shared
/// machine says little. So is this thread's CPU per chunk of 20 passes over the transcripts (3,080 Claude lines), with
/// a fixed host-speed probe (<see cref="HostSpeedProbe"/>) between chunks: this host gives the VM a whole core or about
/// half of one, seconds or minutes at a time, and the chunks run at full speed are the code's own figure
/// (docs/performance.md, Ingest, "Seventh session").
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*Ingest*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LongInProcessConfig))]
public class IngestBenchmark
{
    private const int LineCount = 1_000_000;

    private byte[][] _lines = [];
    private string _directory = string.Empty;
    private AgentDeckPaths _paths = null!;
    private SqliteRunLedger _ledger = null!;
    private string _runId = string.Empty;
    private long _threadAtSetup;
    private TimeSpan _cpu;
    private long _threadNanos;
    private readonly List<double> _gcPauses = [];
    private readonly List<string> _threadVsProcess = [];
    private readonly List<double> _cpuNanosPerLine = [];
    private readonly List<ChunkFigure> _chunks = [];
    private readonly HostSpeedProbe _hostProbe = new();
    private long _probeNanos;
    private int _chunkLines;

    [Params(AgentKind.Claude, AgentKind.Codex)]
    public AgentKind Agent { get; set; }

    [GlobalSetup]
    public void BuildStream()
    {
        var transcripts = TranscriptFiles.For(Agent).SelectMany(File.ReadAllLines).Where(l => l.Trim().Length > 0).ToArray();
        _chunkLines = transcripts.Length * 20;
        _lines = new byte[LineCount][];
        for (var i = 0; i < LineCount; i++)
        {
            _lines[i] = System.Text.Encoding.UTF8.GetBytes(transcripts[i % transcripts.Length]);
        }

        var bytes = _lines.Sum(l => (long)l.Length);
        Console.WriteLine($"// {Agent}: {LineCount:N0} lines from {transcripts.Length} real transcript lines, {bytes / 1024 / 1024} MiB, {bytes / LineCount} bytes/line");
    }

    [IterationSetup]
    public void FreshLedger()
    {
        _directory = Path.Combine(Path.GetTempPath(), "agentdeck-ingest-bench", Guid.NewGuid().ToString("N"));
        _paths = new AgentDeckPaths(_directory);
        _ledger = SqliteRunLedger.Open(_paths);
        _runId = _ledger.CreateRun(new NewRun(Agent.ToName())).Id;
        _threadAtSetup = ThreadCpu.Nanos();
    }

    [IterationCleanup]
    public void RemoveLedger()
    {
        var setupToCleanup = ThreadCpu.Nanos() - _threadAtSetup - _probeNanos;
        _threadVsProcess.Add($"{_threadNanos / (double)LineCount:0}/{_cpu.TotalNanoseconds / LineCount:0}/{setupToCleanup / (double)LineCount:0}");
        _cpuNanosPerLine.Add(_cpu.TotalNanoseconds / LineCount);
        _ledger.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [GlobalCleanup]
    public void ReportCpu()
    {
        // The first iterations are BenchmarkDotNet's jitting and warm-up runs (they pay for JIT and tiering); the
        // steady figure is the median of the rest. Every iteration is printed so nothing is hidden.
        var all = string.Join(", ", _cpuNanosPerLine.Select(n => $"{n:0}"));
        var measured = _cpuNanosPerLine.Skip(Math.Min(2, _cpuNanosPerLine.Count - 1)).Order().ToList();
        if (measured.Count > 0)
        {
            var median = measured[measured.Count / 2];
            Console.WriteLine($"// {Agent} cpu per line: median {median:0} ns ({1e9 / median:0} lines/s per core), best {measured[0]:0} ns ({1e9 / measured[0]:0} lines/s), over the last {measured.Count} iterations; all iterations (ns/line): {all}");
        }

        if (_chunks.Count > 0)
        {
            var chunks = _chunks.Select(c => c.NanosPerLine).Order().ToList();
            Console.WriteLine($"// {Agent} thread cpu per line by chunks of {_chunkLines} lines over the same iterations ({chunks.Count} chunks): min {chunks[0]:0} ns ({1e9 / chunks[0]:0} lines/s), p10 {At(chunks, 0.10):0}, p25 {At(chunks, 0.25):0} ({1e9 / At(chunks, 0.25):0} lines/s), median {At(chunks, 0.5):0}, p90 {At(chunks, 0.90):0}, p99 {At(chunks, 0.99):0}, mean {chunks.Average():0}");

            // A chunk ran at full speed when the host probes on both sides of it took at most 15% over their best.
            var bestProbe = _chunks.Min(c => c.HostProbeNanos);
            var fullSpeed = _chunks.Where(c => c.HostProbeNanos <= bestProbe * 1.15).Select(c => c.NanosPerLine).Order().ToList();
            var probes = _chunks.Select(c => (double)c.HostProbeNanos).Order().ToList();
            Console.WriteLine($"// {Agent} host probe (fixed vector work, µs): best {bestProbe / 1e3:0.0}, median {At(probes, 0.5) / 1e3:0.0}, p90 {At(probes, 0.9) / 1e3:0.0}; chunks with the host at full speed: {fullSpeed.Count} of {_chunks.Count}" +
                (fullSpeed.Count > 0 ? $", their mean {fullSpeed.Average():0} ns ({1e9 / fullSpeed.Average():0} lines/s), median {At(fullSpeed, 0.5):0}" : string.Empty));
        }

        Console.WriteLine($"// {Agent} ns per line by iteration, this thread / the process over the benchmark method / this thread from iteration setup to cleanup (BenchmarkDotNet's forced full collections of the 1,000,000 input lines in between): {string.Join(' ', _threadVsProcess)}");
        Console.WriteLine($"// {Agent} GC pauses, ns per line by iteration: {string.Join(' ', _gcPauses.Select(n => n.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
        _gcPauses.Clear();
        _threadVsProcess.Clear();
        _cpuNanosPerLine.Clear();
        _chunks.Clear();
    }

    private static double At(List<double> sorted, double quantile) => sorted[(int)Math.Min(sorted.Count - 1, quantile * sorted.Count)];

    [Benchmark(OperationsPerInvoke = LineCount)]
    public long ParseNormalizePersist()
    {
        // CPU is read here, not in the iteration setup and cleanup: BenchmarkDotNet forces two full collections between
        // the setup and this method, which walk the 1,000,000 input lines and belong to the harness, not the ingest.
        var processAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var threadAtStart = ThreadCpu.Nanos();
        var pausedAtStart = GC.GetTotalPauseDuration();
        var events = Ingest();
        _threadNanos = ThreadCpu.Nanos() - threadAtStart - _probeNanos;
        _gcPauses.Add((GC.GetTotalPauseDuration() - pausedAtStart).TotalNanoseconds / LineCount);
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - processAtStart - TimeSpan.FromTicks(_probeNanos / 100);
        return events;
    }

    private long Ingest()
    {
        using var recorder = new RunRecorder(_ledger, _runId, AgentParsers.Create(Agent), _paths);

        // The first two iterations (jitting, warm-up) are left out of the chunks, as of the iteration figure. The host
        // probe runs between chunks; its CPU is taken out of the iteration's figures.
        var keepChunks = _cpuNanosPerLine.Count >= 2;
        var probeBefore = _hostProbe.Run();
        _probeNanos = probeBefore;
        var chunkStart = ThreadCpu.Nanos();
        var chunkEnd = _chunkLines;
        for (var i = 0; i < _lines.Length; i++)
        {
            recorder.AddStdoutLine(_lines[i]);
            if (i + 1 == chunkEnd)
            {
                var chunk = ThreadCpu.Nanos() - chunkStart;
                var probeAfter = _hostProbe.Run();
                _probeNanos += probeAfter;
                if (keepChunks)
                {
                    _chunks.Add(new ChunkFigure(chunk / (double)_chunkLines, Math.Max(probeBefore, probeAfter)));
                }

                probeBefore = probeAfter;
                chunkStart = ThreadCpu.Nanos();
                chunkEnd += _chunkLines;
            }
        }

        return recorder.Complete(0).EventCount;
    }

    /// <summary>One chunk's CPU per line, and the slower of the host probes run just before and just after it.</summary>
    private readonly record struct ChunkFigure(double NanosPerLine, long HostProbeNanos);
}
