using System.Diagnostics;
using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The persist side of ingest: 100,000 events with ~650-byte raw lines into a fresh ledger file, straight through
/// <see cref="SqliteRunLedger.AppendEvents"/> in 512-event transactions, and through <see cref="RunRecorder"/>
/// (raw log + tally + batching) with a parser that costs nothing, so parsing is measured elsewhere.
/// Figures are per event (OperationsPerInvoke). On a shared, loaded machine wall time says little, so each
/// iteration's process CPU time is also measured and printed as "cpu per event" when the benchmark ends.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*Ledger*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class LedgerAppendBenchmark
{
    private const int EventCount = 100_000;
    private const int BatchSize = 512;

    private EventToAppend[] _events = [];
    private byte[][] _lines = [];
    private string _directory = string.Empty;
    private AgentDeckPaths _paths = null!;
    private SqliteRunLedger _ledger = null!;
    private string _runId = string.Empty;
    private readonly List<double> _cpuNanosPerEvent = [];
    private TimeSpan _cpuAtStart;

    [GlobalSetup]
    public void BuildInput()
    {
        _lines = new byte[EventCount][];
        _events = new EventToAppend[EventCount];
        var time = DateTimeOffset.UtcNow;
        for (var i = 0; i < EventCount; i++)
        {
            var line = RawLine(i);
            _lines[i] = line;
            _events[i] = new EventToAppend(EventFor(i), RunStream.Stdout, i + 1, time, line);
        }
    }

    [IterationSetup]
    public void FreshLedger()
    {
        _directory = Path.Combine(Path.GetTempPath(), "agentdeck-ledger-bench", Guid.NewGuid().ToString("N"));
        _paths = new AgentDeckPaths(_directory);
        _ledger = SqliteRunLedger.Open(_paths);
        _runId = _ledger.CreateRun(new NewRun("claude")).Id;
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [IterationCleanup]
    public void RemoveLedger()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        _cpuNanosPerEvent.Add(cpu.TotalNanoseconds / EventCount);
        _ledger.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [GlobalCleanup]
    public void ReportCpu()
    {
        // The first iterations are warm-up (JIT, file growth); the median of the rest is the steady figure.
        var measured = _cpuNanosPerEvent.Skip(_cpuNanosPerEvent.Count / 2).Order().ToList();
        if (measured.Count > 0)
        {
            var median = measured[measured.Count / 2];
            Console.WriteLine($"// cpu per event: median {median:0} ns ({1e9 / median:0} events/s per core), best {measured[0]:0} ns, over {measured.Count} iterations");
        }

        _cpuNanosPerEvent.Clear();
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public long AppendEvents()
    {
        var batch = new ArraySegment<EventToAppend>(_events);
        long last = 0;
        for (var offset = 0; offset < EventCount; offset += BatchSize)
        {
            last = _ledger.AppendEvents(_runId, batch.Slice(offset, Math.Min(BatchSize, EventCount - offset))).LastSeq;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public long RecorderIngest()
    {
        using var recorder = new RunRecorder(_ledger, _runId, new PrebuiltParser(_events), _paths);
        foreach (var line in _lines)
        {
            recorder.AddStdoutLine(line);
        }

        return recorder.Complete(0).EventCount;
    }

    private static AgentEvent EventFor(int i) => (i % 8) switch
    {
        0 => new ToolCallStarted($"toolu_{i:D8}", "Edit", "src/AgentDeck.Ledger/RunRecorder.cs", ["src/AgentDeck.Ledger/RunRecorder.cs"]),
        1 => new ToolCallFinished($"toolu_{i - 1:D8}", "Edit", "The file has been updated.", false, ["src/AgentDeck.Ledger/RunRecorder.cs"]),
        2 => new UsageReported(new TokenUsage(1200, 35000, 800, 450, 0), null, "claude-sonnet-4-5"),
        _ => new AssistantText(Filler(i, 260), IsDelta: true, "msg_01ABCDEF"),
    };

    /// <summary>A Claude-like stream-json line of about 650 bytes.</summary>
    private static byte[] RawLine(int i)
    {
        var json = $$$"""{"type":"stream_event","event":{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"{{{Filler(i, 420)}}}"}},"session_id":"5b1c7a8e-3f0d-4c2a-9b6e-2d4f8a1c0e77","parent_tool_use_id":null,"uuid":"0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b"}""";
        return Encoding.UTF8.GetBytes(json);
    }

    private static string Filler(int seed, int length)
    {
        const string words = "the ledger keeps every line an agent prints so that screens and reports can be rebuilt later ";
        var builder = new StringBuilder(length);
        var offset = seed % words.Length;
        while (builder.Length < length)
        {
            builder.Append(words, offset, Math.Min(words.Length - offset, length - builder.Length));
            offset = 0;
        }

        return builder.ToString();
    }

    /// <summary>Hands out the prebuilt events line by line: the recorder's own cost without any parsing.</summary>
    private sealed class PrebuiltParser(EventToAppend[] events) : IAgentStreamParser
    {
        private int _next;

        public AgentKind Agent => AgentKind.Claude;

        public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output) => output.Add(events[_next++ % events.Length].Event);

        public void Complete(int? exitCode, ICollection<AgentEvent> output)
        {
        }
    }
}
