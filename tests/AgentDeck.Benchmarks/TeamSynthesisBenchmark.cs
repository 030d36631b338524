using AgentDeck.Core.Teams.Repair;
using AgentDeck.Core.Teams.Results;
using AgentDeck.Core.Teams.Synthesis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Team synthesis budget: 8 members × 50 findings clustered ≤ 20 ms. The members report from one pool of 120 issues
/// over 20 files (so many findings meet), each in its own wording, with one finding in ten without a place.
/// One operation = the whole synthesis from member reports (tokenizing, clustering, marking, sorting). Besides
/// BenchmarkDotNet's wall-clock columns it prints this thread's CPU time per synthesis over the measured operations:
/// on the shared, loaded box the wall-clock tail is mostly time spent waiting for a core.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*TeamSynthesis*'
/// </summary>
[Config(typeof(TeamSynthesisConfig))]
[MemoryDiagnoser]
public class TeamSynthesisBenchmark
{
    private static readonly string[] Subjects = ["SQL injection", "missing null check", "race on the cache", "unbounded retry loop", "secret written to the log", "off-by-one in the page count", "path traversal", "unclosed file handle", "integer overflow in the size", "missing test"];
    private static readonly string[] Wordings = ["{0} in {1}()", "{1}() has a {0}", "{0}: {1}() does not guard against it", "The {1}() code path allows {0} through user input", "{1}() — {0} when the input is large"];
    private static readonly string[] Functions = ["login", "parse_args", "Storage.Open", "render", "fetchPage", "write_chunk", "RunRecorder.Append", "load_config", "hash_password", "export"];

    private const int MeasuredOperations = 200;

    private readonly List<long> _threadNanos = [];
    private List<MemberReport> _members = [];

    [Params(8)]
    public int Members { get; set; }

    [Params(50)]
    public int FindingsPerMember { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261208);
        _members = Enumerable.Range(0, Members).Select(m => Member(random, m)).ToList();
    }

    [Benchmark(Description = "synthesize")]
    public int Synthesize()
    {
        var start = ThreadCpu.Nanos();
        var clusters = TeamSynthesizer.Synthesize(_members).Clusters.Count;
        _threadNanos.Add(ThreadCpu.Nanos() - start);
        return clusters;
    }

    [GlobalCleanup]
    public void PrintFigures()
    {
        var synthesis = TeamSynthesizer.Synthesize(_members);
        var markers = string.Join(", ", synthesis.Clusters.GroupBy(c => c.Marker).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var measured = _threadNanos.TakeLast(MeasuredOperations).Order().ToList();
        double Percentile(double p) => measured[(int)Math.Min(measured.Count - 1, Math.Ceiling(p * measured.Count) - 1)] / 1e6;
        Console.WriteLine($"// team synthesis: {Members} members x {FindingsPerMember} findings -> {synthesis.Clusters.Count} clusters ({markers})");
        Console.WriteLine($"// team synthesis thread CPU over the last {measured.Count} operations: median {Percentile(0.5):F3} ms, p99 {Percentile(0.99):F3} ms, max {measured[^1] / 1e6:F3} ms");
    }

    private MemberReport Member(Random random, int member)
    {
        var findings = Enumerable.Range(0, FindingsPerMember).Select(i =>
        {
            var issue = random.Next(120);
            var claim = string.Format(System.Globalization.CultureInfo.InvariantCulture, Wordings[random.Next(Wordings.Length)], Subjects[issue % Subjects.Length], Functions[issue / 12 % Functions.Length]);
            var start = 10 + issue * 7 % 400 + random.Next(4);
            IReadOnlyList<Evidence> evidence = random.Next(10) == 0
                ? []
                : [new Evidence($"src/module{issue % 20}.py", $"{start}-{start + random.Next(12)}", new LineRange(start, start + random.Next(12)), "", true)];
            return new Finding($"f{i + 1}", claim, random.Next(8) == 0 ? FindingVerdict.Ok : FindingVerdict.Issue, (Severity)random.Next(5), random.NextDouble(), evidence, []);
        }).ToList();
        return new MemberReport($"run-{member:D2}", "role" + member, MemberStatus.Valid, new MemberResult(random.Next(2) == 0, "", findings, [], []), []);
    }

    private sealed class TeamSynthesisConfig : ManualConfig
    {
        public TeamSynthesisConfig()
        {
            // One synthesis per iteration, so the percentiles are per synthesis; in-process like the other benchmarks
            // (a separate benchmark build times out on the busy 2-core box). Outliers kept: the budget is about p99.
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove).WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(20).WithIterationCount(MeasuredOperations).WithId("syntheses"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99));
        }
    }
}
