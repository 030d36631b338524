using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The recorder stage of <see cref="IngestProbe"/>, timed per chunk of lines in this thread's CPU time. A neighbour on
/// this shared box only ever adds time, so the low percentiles of many chunks are steadier than whole-run figures and
/// resolve changes of a few percent. A chunk is a whole number of passes over the transcripts, so every chunk holds
/// the same mix of lines, and long enough to hold several commits and, now and then, a WAL checkpoint.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- ingest-chunks [claude|codex] [lines] [rounds] [passes per chunk]
/// </summary>
public static class IngestChunkProbe
{

    public static void Run(AgentKind agent, int lineCount, int roundCount, int passesPerChunk)
    {
        var transcripts = TranscriptFiles.For(agent).SelectMany(File.ReadAllLines).Where(l => l.Trim().Length > 0).ToArray();
        var lines = new byte[lineCount][];
        for (var i = 0; i < lineCount; i++)
        {
            lines[i] = System.Text.Encoding.UTF8.GetBytes(transcripts[i % transcripts.Length]);
        }

        var chunkLines = transcripts.Length * passesPerChunk;
        var perChunk = new List<double>();
        var rounds = new List<string>();
        for (var round = 0; round < roundCount; round++)
        {
            var processBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var threadBefore = ThreadCpu.Nanos();
            var chunks = RecordInChunks(agent, lines, chunkLines);
            var thread = (ThreadCpu.Nanos() - threadBefore) / (double)lines.Length;
            var process = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - processBefore).TotalNanoseconds / lines.Length;
            rounds.Add($"{thread:0}/{process:0}");

            if (Environment.GetEnvironmentVariable("AGENTDECK_CHUNK_TREND") is not null)
            {
                Console.WriteLine("trend, ns/line per tenth of the round: " + string.Join(' ', chunks.Chunk(Math.Max(1, chunks.Count / 10)).Select(c => c.Average().ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
            }

            // The first round pays for the JIT and tiering.
            if (round > 0)
            {
                perChunk.AddRange(chunks);
            }
        }

        Console.WriteLine($"whole rounds, ns/line of this thread / of the process (the raw log deleted at the end included): {string.Join(' ', rounds)}");

        perChunk.Sort();
        double At(double q) => perChunk[(int)Math.Min(perChunk.Count - 1, q * perChunk.Count)];
        Console.WriteLine(
            $"{agent} recorder by chunks of {chunkLines} lines ({perChunk.Count} chunks): min {perChunk[0]:0} ns/line  p5 {At(0.05):0}  p10 {At(0.10):0}  p25 {At(0.25):0}  median {At(0.5):0}  " +
            $"mean of lower half {perChunk.Take(Math.Max(1, perChunk.Count / 2)).Average():0}  ({1e9 / At(0.25):0} lines/s per core at p25)");
        Console.WriteLine($"{agent} chunk tail: p90 {At(0.90):0}  p99 {At(0.99):0}  max {perChunk[^1]:0}  mean {perChunk.Average():0} ns/line");
    }

    private static List<double> RecordInChunks(AgentKind agent, byte[][] lines, int chunkLines)
    {
        var directory = Path.Combine(Path.GetTempPath(), "agentdeck-ingest-chunks", Guid.NewGuid().ToString("N"));
        var paths = new AgentDeckPaths(directory);
        var chunks = new List<double>();
        try
        {
            using var ledger = SqliteRunLedger.Open(paths);
            var runId = ledger.CreateRun(new NewRun(agent.ToName())).Id;
            using var recorder = new RunRecorder(ledger, runId, AgentParsers.Create(agent), paths);
            var start = ThreadCpu.Nanos();
            for (var i = 0; i < lines.Length; i++)
            {
                recorder.AddStdoutLine(lines[i]);
                if ((i + 1) % chunkLines == 0)
                {
                    var now = ThreadCpu.Nanos();
                    chunks.Add((now - start) / (double)chunkLines);
                    start = now;
                }
            }

            recorder.Complete(0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return chunks;
    }
}
