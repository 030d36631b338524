using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// <c>agentdeck run</c> with no supervisor host, its front end killed with SIGKILL at moments spread over the
/// hand-over (from the run's creation on): whatever the moment, the run ends with the agent's real outcome and every
/// byte the agent printed is in the raw log and the ledger; a run whose front end died before any agent ran ends
/// lost, with nothing of an agent behind it.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class FrontEndKilledDuringHandOverTests(AgentCliFixture fixture)
{
    private const int Kills = 20;
    private const int AtOnce = 5;
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_no_host_When_the_front_end_of_a_writing_claude_run_is_killed_at_20_moments_Then_each_run_ends_as_its_agent_did_with_every_line_recorded()
    {
        using var gate = new SemaphoreSlim(AtOnce);
        var delays = Enumerable.Range(0, Kills).Select(i => Spread * i / (Kills - 1));
        var outcomes = await Task.WhenAll(delays.Select(async delay =>
        {
            await gate.WaitAsync();
            try
            {
                return await KillDuringHandOverAsync(delay);
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(outcomes, outcome => Assert.True(outcome.Problem is null, outcome.Problem));
        Assert.Contains(outcomes, outcome => outcome.AgentRan);
        Assert.Contains(outcomes, outcome => outcome.Succeeded);
    }

    private async Task<Outcome> KillDuringHandOverAsync(TimeSpan delay)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var frontEnd = deck.Start("run", "--agent", "claude", "--write", deck.Unique("[[S:tools]] write hello"));
        var id = await RunCreatedAsync(deck, frontEnd);
        await Task.Delay(delay);
        await frontEnd.SignalAsync(ProcessSignal.Kill, wholeGroup: false);
        await frontEnd.WaitForExitAsync();
        await frontEnd.DisposeAsync();
        var at = $"killed {delay.TotalMilliseconds:0} ms after run {id} was created";

        var (_, runs) = await deck.WaitAsync(id);
        var status = runs.Count == 1 ? Deck.Status(runs[0]) : "(none)";
        var capture = deck.RunFile(id, "capture.stdout");
        var agentRan = File.Exists(deck.RunFile(id, "waiter.pid"));
        if (agentRan && await ProcessGroups.EndsAsync(int.Parse(File.ReadAllText(deck.RunFile(id, "waiter.pid")).Trim())) is false)
        {
            return new Outcome($"{at}: its worker's group still lives after the run ended {status}", agentRan);
        }

        if (status == "lost")
        {
            // Only a run whose front end died before any agent started may end lost: nothing ran, nothing was printed.
            return agentRan || File.Exists(Path.Combine(sandbox.Repo, "hello.txt"))
                ? new Outcome($"{at}: the run ended lost although its agent ran", agentRan)
                : new Outcome(null, agentRan);
        }

        if (status != "succeeded")
        {
            return new Outcome($"{at}: the run ended {status}, its agent exited {ReadOrNone(deck.RunFile(id, "exit.status"))}", agentRan);
        }

        var logged = await File.ReadAllBytesAsync(deck.RunFile(id, "stdout.log"));
        if (File.Exists(capture) && !(await File.ReadAllBytesAsync(capture)).AsSpan().SequenceEqual(logged))
        {
            return new Outcome($"{at}: stdout.log ({logged.Length} bytes) is not what the agent printed ({new FileInfo(capture).Length} bytes)", agentRan);
        }

        var rawLines = Encoding.UTF8.GetString(logged).Split('\n');
        var nonBlank = Enumerable.Range(1, rawLines.Length).Where(n => rawLines[n - 1].Trim().Length > 0).ToList();
        var events = await deck.EventsAsync(id);
        var eventLines = events.Where(e => (string?)e["stream"] == "stdout" && (int)e["line"]! > 0).Select(e => (int)e["line"]!).Distinct().Order().ToList();
        if (!nonBlank.SequenceEqual(eventLines))
        {
            return new Outcome($"{at}: events cover lines {string.Join(',', eventLines)} of the raw lines {string.Join(',', nonBlank)}", agentRan);
        }

        return sandbox.ReadRepoFile("hello.txt") == "hello mock\n"
            ? new Outcome(null, agentRan) { Succeeded = true }
            : new Outcome($"{at}: hello.txt holds '{sandbox.ReadRepoFile("hello.txt")}'", agentRan);
    }

    /// <summary>The run the front end created, once it has recorded itself as its supervisor.</summary>
    private static async Task<string> RunCreatedAsync(Deck deck, IRunningProcess frontEnd)
    {
        var runs = Path.Combine(deck.StateDirectory, "runs");
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !frontEnd.HasExited)
        {
            var created = Directory.Exists(runs)
                ? Directory.EnumerateFiles(runs, "supervisor.json", SearchOption.AllDirectories).FirstOrDefault()
                : null;
            if (created is not null)
            {
                return Path.GetFileName(Path.GetDirectoryName(created)!);
            }

            await Task.Delay(2);
        }

        throw new TimeoutException("the front end never created its run");
    }

    private static string ReadOrNone(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "(no exit status)";

    private sealed record Outcome(string? Problem, bool AgentRan)
    {
        public bool Succeeded { get; init; }
    }
}
