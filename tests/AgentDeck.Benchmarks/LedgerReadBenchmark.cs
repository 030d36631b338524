extern alias cli;

using cli::AgentDeck.Cli.Common;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using BenchmarkDotNet.Attributes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The ledger's read budgets, each measured from opening the ledger file (as a fresh CLI process does) to the answer:
/// <list type="bullet">
/// <item><see cref="StatusJson"/>: <c>agentdeck status --json</c> over a ledger of 10,000 finished runs (open, list the
/// newest 20, write them as the CLI's run JSON). <see cref="AllRunsJson"/> lists and writes all 10,000;
/// <see cref="AllRunsQuery"/> only reads them; <see cref="TodaysSpend"/> is what the cost guard and the Cost tab read
/// for the global budget (runs started today: none of the 10,000).</item>
/// <item><see cref="StatePrivacyCheck"/>: the owner-only mode check of the state folder each open makes.</item>
/// <item><see cref="LastScreenOfMillionEventRun"/>: open a ledger whose run has 1,000,000 events, find the run and
/// read its last screenful (50 events).</item>
/// </list>
/// The ledger is opened for writing, as `status` and the TUI do. .NET start-up is not included (see docs/performance.md for `time agentdeck status --json`).
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- --filter '*LedgerRead*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class LedgerReadBenchmark
{
    private const int RunCount = 10_000;
    private const int EventCount = 1_000_000;
    private const int ScreenRows = 50;
    private const int StatusListLimit = 20;

    private string _directory = string.Empty;
    private AgentDeckPaths _paths = null!;
    private string _bigRun = string.Empty;

    [GlobalSetup(Targets = [nameof(StatusJson), nameof(AllRunsJson), nameof(AllRunsQuery), nameof(StatePrivacyCheck), nameof(TodaysSpend)])]
    public void TenThousandRuns()
    {
        Fresh();
        using var ledger = SqliteRunLedger.Open(_paths);
        var started = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 0; i < RunCount; i++)
        {
            var run = ledger.CreateRun(new NewRun(i % 2 == 0 ? "claude" : "codex")
            {
                Status = i % 7 == 0 ? RunStatus.Failed : RunStatus.Succeeded,
                Cwd = "/home/dev/project" + (i % 13), Repo = "/home/dev/project" + (i % 13), Model = "claude-sonnet-4-5",
                Prompt = "Fix the failing test in the ledger and explain what went wrong, run " + i,
                StartedAt = started.AddMinutes(i),
            });
            ledger.AppendEvents(run.Id, [], new RunAggregates
            {
                Status = run.Status, SessionId = Guid.NewGuid().ToString(), Model = "claude-sonnet-4-5",
                FinalText = "Done: the test passes now.", Tokens = new TokenUsage(1200 + i, 35_000, 800, 450, 0),
                CostUsd = 0.0123m, ToolCalls = 4, FilesTouched = ["src/a.cs", "tests/a_tests.cs"], ExitCode = 0,
                EndedAt = started.AddMinutes(i + 1),
            });
        }

        Console.WriteLine($"// ledger with {RunCount:N0} runs: {new FileInfo(_paths.LedgerFile).Length / 1024} KiB");
    }

    [GlobalSetup(Target = nameof(LastScreenOfMillionEventRun))]
    public void MillionEventRun()
    {
        Fresh();
        using var ledger = SqliteRunLedger.Open(_paths);
        _bigRun = ledger.CreateRun(new NewRun("claude")).Id;
        var time = DateTimeOffset.UtcNow;
        var batch = new EventToAppend[512];
        for (var seq = 0; seq < EventCount; seq += batch.Length)
        {
            var n = Math.Min(batch.Length, EventCount - seq);
            for (var i = 0; i < n; i++)
            {
                var line = seq + i + 1;
                AgentEvent e = line % 5 == 0
                    ? new ToolCallStarted($"toolu_{line:D8}", "Edit", "src/AgentDeck.Ledger/RunRecorder.cs", ["src/AgentDeck.Ledger/RunRecorder.cs"])
                    : new AssistantText($"line {line}: the ledger keeps every line an agent prints so screens can be rebuilt", IsDelta: true, "msg_01");
                batch[i] = new EventToAppend(e, RunStream.Stdout, line, time);
            }

            ledger.AppendEvents(_bigRun, new ArraySegment<EventToAppend>(batch, 0, n));
        }

        Console.WriteLine($"// ledger with one {EventCount:N0}-event run: {new FileInfo(_paths.LedgerFile).Length / 1024 / 1024} MiB");
    }

    [GlobalCleanup]
    public void RemoveLedger() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public int StatusJson() => ListAsJson(StatusListLimit);

    [Benchmark]
    public int AllRunsJson() => ListAsJson(0);

    /// <summary>The ledger's share of <see cref="AllRunsJson"/>: open and read all 10,000 runs, no JSON.</summary>
    [Benchmark]
    public int AllRunsQuery()
    {
        using var ledger = SqliteRunLedger.Open(_paths);
        return ledger.ListRuns(new RunQuery { Limit = 0 }).Count;
    }

    /// <summary>The mode check every open makes (part of <see cref="StatusJson"/>): state folder, runs/, ledger files.</summary>
    [Benchmark]
    public int StatePrivacyCheck() => StatePrivacy.Repair(_paths.LedgerFile).Count;

    [Benchmark]
    public decimal TodaysSpend()
    {
        using var ledger = SqliteRunLedger.Open(_paths);
        return Core.Cost.TodaysSpend.Of(ledger, DateTimeOffset.UtcNow).Usd;
    }

    [Benchmark]
    public long LastScreenOfMillionEventRun()
    {
        using var ledger = SqliteRunLedger.Open(_paths);
        var run = ledger.ResolveRun(_bigRun);
        var events = ledger.ReadLastEvents(run.Id, ScreenRows);
        return events[^1].Seq + run.EventCount;
    }

    private int ListAsJson(int limit)
    {
        using var ledger = SqliteRunLedger.Open(_paths);
        var runs = ledger.ListRuns(new RunQuery { Limit = limit });
        var json = "[" + string.Join(",", runs.Select(r => RunJson.Write(r))) + "]";
        return json.Length;
    }

    private void Fresh()
    {
        _directory = Path.Combine(Path.GetTempPath(), "agentdeck-read-bench", Guid.NewGuid().ToString("N"));
        _paths = new AgentDeckPaths(_directory);
    }
}
