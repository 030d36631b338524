namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// A script starting a dozen Claude workers at once while another loops over <c>status --json</c> and <c>runs</c>:
/// every start prints its id, every status call answers (a one-line error at worst, never a stack trace), and no run
/// fails for the ledger being busy. Each round starts from no supervisor host, the case where most front ends meet.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class ConcurrentStartsThroughDeckTests(AgentCliFixture fixture)
{
    private const int Starts = 12;
    private const int Rounds = 3;

    [Fact]
    public async Task Given_a_dozen_concurrent_detached_starts_and_a_status_loop_When_repeated_Then_every_run_succeeds_and_every_call_answers()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            using var sandbox = await Sandbox.CreateAsync();
            var deck = await Deck.CreateAsync(fixture, sandbox);
            using var stopLoop = new CancellationTokenSource();
            var statusLoop = StatusLoopAsync(deck, stopLoop.Token);

            var starts = await Task.WhenAll(Enumerable.Range(1, Starts)
                .Select(i => deck.CliAsync("run", "--agent", "claude", "--detach", deck.Unique($"Round {round} worker {i} [[S:plain]]"))));
            foreach (var start in starts)
            {
                Assert.True(start.ExitCode == 0 && start.Stdout.Trim().Length == 10, $"round {round}: " + start.Describe());
            }

            var ids = starts.Select(s => s.Stdout.Trim()).ToArray();
            var (wait, runs) = await deck.WaitAsync(ids);
            await stopLoop.CancelAsync();
            var calls = await statusLoop;

            Assert.True(wait.ExitCode == 0, $"round {round}: " + wait.Describe());
            Assert.All(runs, r => Assert.Equal("succeeded", Deck.Status(r)));
            Assert.NotEmpty(calls);
            Assert.All(calls, call => Assert.True(Answered(call), $"round {round}: " + call.Describe()));
        }
    }

    /// <summary>status --json and runs, one after the other, until stopped (a call under way then still finishes).</summary>
    private static async Task<List<ProcessResult>> StatusLoopAsync(Deck deck, CancellationToken stop)
    {
        var calls = new List<ProcessResult>();
        while (!stop.IsCancellationRequested)
        {
            calls.Add(await deck.CliAsync("status", "--json"));
            calls.Add(await deck.CliAsync("runs"));
        }

        return calls;
    }

    /// <summary>Exit 0, or (before the first run created the ledger) the one-line "no ledger yet"; never a stack trace.</summary>
    private static bool Answered(ProcessResult call) =>
        !LooksLikeAStackTrace(call.Stderr) && (call.ExitCode == 0 || call.Stderr.Contains("no ledger at", StringComparison.Ordinal));

    private static bool LooksLikeAStackTrace(string stderr) =>
        stderr.Contains("Unhandled exception", StringComparison.Ordinal) || stderr.Contains("\n   at ", StringComparison.Ordinal);
}
