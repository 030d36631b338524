using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
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
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- ingest-probe [claude|codex] [lines] [rounds]
/// </summary>
public static class IngestProbe
{
    public static void Run(AgentKind agent, int lineCount, int rounds)
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

        foreach (var (name, run) in stages)
        {
            var figures = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var before = CpuTime();
                run(lines);
                figures.Add((CpuTime() - before).TotalNanoseconds / lineCount);
            }

            var steady = figures.Skip(1).Order().ToList();
            Console.WriteLine($"{agent} {name,-11} median {steady[steady.Count / 2],7:0} ns/line  best {steady[0],7:0}  all {string.Join(' ', figures.Select(f => f.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
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
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        foreach (var line in lines)
        {
            output.Clear();
            parser.ParseLine(line, output);
            foreach (var e in output)
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                EventJson.Serialize(writer, e);
                writer.Flush();
            }
        }
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
