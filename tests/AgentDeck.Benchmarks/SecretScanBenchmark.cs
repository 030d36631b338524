using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Secrets;
using AgentDeck.Secrets;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// What checking every output line for secrets costs, per line of the real transcripts: the keyword search on the
/// line's bytes that every line pays, and the whole check (search, then the expressions and the redaction where a
/// keyword occurs). One line in 50 carries a secret, as a worker reading a .env would print.
/// </summary>
[MemoryDiagnoser]
public class SecretScanBenchmark
{
    private byte[][] _lines = [];
    private SecretScanner _scanner = null!;

    [Params(AgentKind.Claude, AgentKind.Codex)]
    public AgentKind Agent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scanner = SecretRules.For(null).Scanner(new SecretFingerprint(SecretFingerprint.NewKey()));
        var transcript = TranscriptFiles.For(Agent).SelectMany(File.ReadLines).Where(l => l.Length > 0).ToList();
        var secret = "AKIA" + "Q3EGRTZ5LMNBV7XD";
        _lines = Enumerable.Range(0, 10_000)
            .Select(i => transcript[i % transcript.Count])
            .Select((line, i) => i % 50 == 0 ? line.Replace("\"text\":\"", "\"text\":\"" + secret + " ", StringComparison.Ordinal) : line)
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int KeywordSearch()
    {
        var hits = 0;
        foreach (var line in _lines)
        {
            hits += _scanner.MayContainSecret(line) ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int FullCheck()
    {
        var redacted = 0;
        foreach (var line in _lines)
        {
            if (_scanner.MayContainSecret(line))
            {
                redacted += _scanner.Redact(Encoding.UTF8.GetString(line)).Hits.Count;
            }
        }

        return redacted;
    }
}
