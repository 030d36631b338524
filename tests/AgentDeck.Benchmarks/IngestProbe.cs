using System.Diagnostics;
using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Benchmarks;

/// <summary>
/// A quick look at where ingest CPU goes, without BenchmarkDotNet: the same stream as <see cref="IngestBenchmark"/>
/// (fewer lines), timed by this thread's CPU per stage: parse only, parse + payload JSON, the whole recorder.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- ingest-probe [claude|codex] [lines] [rounds] [stage]
/// </summary>
public static class IngestProbe
{
    public static void Run(AgentKind agent, int lineCount, int rounds, string? onlyStage = null)
    {
        var transcripts = TranscriptFiles.For(agent).SelectMany(File.ReadAllLines).Where(l => l.Trim().Length > 0).ToArray();
        var lines = new byte[lineCount][];
        for (var i = 0; i < lineCount; i++)
        {
            lines[i] = System.Text.Encoding.UTF8.GetBytes(transcripts[i % transcripts.Length]);
        }

        var stages = new (string Name, Action<byte[][]> Run)[]
        {
            ("parse", ParseOnly(agent)),
            ("parse+json", ParseAndSerialize(agent)),
            ("recorder", Record(agent)),
        };
        if (onlyStage is not null)
        {
            // One stage alone, e.g. under `perf stat -e instructions`, which a loaded machine does not blur.
            stages = stages.Where(stage => stage.Name == onlyStage).ToArray();
        }

        // Rounds interleave the stages so that a noisy neighbour hits them alike; the first round pays for the JIT.
        var figures = stages.Select(_ => new List<double>()).ToArray();
        var allocated = new double[stages.Length];
        for (var r = 0; r < rounds; r++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var before = CpuTime();
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                stages[s].Run(lines);
                figures[s].Add((CpuTime() - before).TotalNanoseconds / lineCount);
                allocated[s] = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)lineCount;
            }
        }

        for (var s = 0; s < stages.Length; s++)
        {
            var steady = figures[s].Skip(1).Order().ToList();
            Console.WriteLine($"{agent} {stages[s].Name,-11} median {steady[steady.Count / 2],7:0} ns/line  best {steady[0],7:0}  allocated {allocated[s],6:0} B/line  all {string.Join(' ', figures[s].Select(f => f.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
    }

    /// <summary>
    /// The parse cost of each kind of big line (one line per distinct 30-byte start, 1 KiB or more): the best of many short
    /// timings in this thread's CPU time, which a busy neighbour blurs least.
    /// </summary>
    public static void RunLineTypes(AgentKind agent)
    {
        var lines = TranscriptFiles.For(agent).SelectMany(File.ReadAllLines).Where(l => l.Length >= 1024)
            .GroupBy(l => l[..30]).Select(g => g.OrderByDescending(l => l.Length).First())
            .Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        foreach (var line in lines)
        {
            var best = double.MaxValue;
            for (var round = 0; round < 15; round++)
            {
                var parser = AgentParsers.Create(agent);
                var output = new List<AgentEvent>(8);
                var start = ThreadCpu.Nanos();
                for (var i = 0; i < 2000; i++)
                {
                    output.Clear();
                    parser.ParseLine(line, output);
                }

                best = Math.Min(best, (ThreadCpu.Nanos() - start) / 2000.0);
            }

            Console.WriteLine($"{line.Length,6} B  {best,7:0} ns  {System.Text.Encoding.UTF8.GetString(line.AsSpan(0, 45))}");
        }
    }

    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static Action<byte[][]> ParseOnly(AgentKind agent) => lines =>
    {
        var parser = AgentParsers.Create(agent);
        var output = new List<AgentEvent>(8);
        foreach (var line in lines)
        {
            output.Clear();
            parser.ParseLine(line, output);
        }
    };

    private static Action<byte[][]> ParseAndSerialize(AgentKind agent) => lines =>
    {
        var parser = AgentParsers.Create(agent);
        var output = new List<AgentEvent>(8);
        var payloads = new EventPayloadBuffer();
        var bytes = 0L;
        foreach (var line in lines)
        {
            output.Clear();
            parser.ParseLine(line, output);
            foreach (var e in output)
            {
                // The ledger's own payload path (LedgerWriter).
                bytes += payloads.Write(e).Length;
            }
        }

        GC.KeepAlive(bytes);
    };

    private static Action<byte[][]> Record(AgentKind agent) => lines =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "agentdeck-ingest-probe", Guid.NewGuid().ToString("N"));
        var paths = new AgentDeckPaths(directory);
        try
        {
            using var ledger = SqliteRunLedger.Open(paths);
            var runId = ledger.CreateRun(new NewRun(agent.ToName())).Id;
            using var recorder = new RunRecorder(ledger, runId, AgentParsers.Create(agent), paths);
            foreach (var line in lines)
            {
                recorder.AddStdoutLine(line);
            }

            recorder.Complete(0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    };
}
