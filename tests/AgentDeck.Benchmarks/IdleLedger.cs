using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Benchmarks;

/// <summary>Fills a ledger with workers that are running but quiet (a few events each, then nothing).</summary>
internal static class IdleLedger
{
    public static void Seed(string stateDirectory, int workers)
    {
        using var ledger = SqliteRunLedger.Open(new AgentDeckPaths(Path.GetFullPath(stateDirectory)));
        for (var i = 0; i < workers; i++)
        {
            var run = ledger.CreateRun(new NewRun(i % 2 == 0 ? "claude" : "codex") { Role = "review", Status = RunStatus.Idle, Prompt = $"idle worker {i}" });
            ledger.AppendEvents(run.Id,
            [
                new EventToAppend(new TurnStarted(null), RunStream.Stdout, 1, DateTimeOffset.UtcNow, null),
                new EventToAppend(new AssistantText($"worker {i} is waiting for the next message", false), RunStream.Stdout, 2, DateTimeOffset.UtcNow, null),
            ]);
        }

        Console.WriteLine($"{workers} idle workers in {Path.GetFullPath(stateDirectory)}");
    }
}
