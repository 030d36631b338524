using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Core.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// Cold spawns with the real CLIs against the mock: with no supervisor host running, <c>agentdeck run --detach</c>
/// starts the worker itself at once and hands it (its stdin pipe, over the host's adopt socket) to the host it starts
/// alongside.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class ColdSpawnThroughDeckTests(AgentCliFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    public async Task Given_no_supervisor_host_When_a_worker_is_run_detached_Then_the_host_adopts_it_and_the_ledger_matches_its_raw_output(string agent)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync(agent, "Say hello [[S:plain]]");
        var (wait, runs) = await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal("succeeded", Deck.Status(runs.Single()));
        Assert.Contains(File.ReadLines(Path.Combine(deck.StateDirectory, "host", "host.log")), l => l.Contains($"run {id}: adopted", StringComparison.Ordinal));
        Assert.Equal("0", File.ReadAllText(deck.RunFile(id, "exit.status")).Trim());
        var rawLines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(deck.RunFile(id, "stdout.log"))).Split('\n');
        var nonBlank = Enumerable.Range(1, rawLines.Length).Where(n => rawLines[n - 1].Trim().Length > 0).ToList();
        var stdoutEvents = events.Where(e => (string?)e["stream"] == "stdout").ToList();
        Assert.NotEmpty(nonBlank);
        Assert.Equal(nonBlank, stdoutEvents.Select(e => (int)e["line"]!).Distinct().Order());
    }

    [Fact]
    public async Task Given_a_handed_over_claude_worker_When_stopped_Then_the_run_ends_stopped_and_nothing_of_its_group_lives_on()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var id = await deck.RunDetachedAsync("claude", "Go slowly [[S:slow]]");
        await deck.UntilAsync(id, s => Deck.Status(s) == "running", "running");
        var group = AgentGroup(deck, id);

        await deck.SucceedAsync("stop", id);
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);

        Assert.Contains(File.ReadLines(Path.Combine(deck.StateDirectory, "host", "host.log")), l => l.Contains($"run {id}: adopted", StringComparison.Ordinal));
        Assert.Contains(Deck.Status(run), new[] { "stopped", "interrupted" });
        Assert.True(await ProcessGroups.EndsAsync(group), $"process group {group} still has live members");
    }

    [Fact]
    public async Task Given_a_front_end_killed_with_SIGKILL_while_it_hands_its_worker_over_Then_the_run_ends_recorded_and_no_worker_is_left_running()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var frontEnd = deck.Start("run", "--agent", "claude", "--detach", deck.Unique("Say hello [[S:plain]]"));

        // The front end records itself as the worker's supervisor until the host took the worker over.
        var (id, group) = await HandingOverAsync(deck, frontEnd.Pid);
        Assert.True(await frontEnd.SignalAsync(ProcessSignal.Kill, wholeGroup: true));
        await frontEnd.WaitForExitAsync();
        var (_, runs) = await deck.WaitAsync(id);

        Assert.Contains(Deck.Status(runs.Single()), new[] { "lost", "succeeded" });
        Assert.True(await ProcessGroups.EndsAsync(group), $"process group {group} still has live members");
    }

    private static async Task<(string RunId, int Group)> HandingOverAsync(Deck deck, int frontEndPid)
    {
        var runs = Path.Combine(deck.StateDirectory, "runs");
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var record in Directory.Exists(runs) ? Directory.EnumerateFiles(runs, "supervisor.json", SearchOption.AllDirectories) : [])
            {
                if (TryRead(record) is { } json && (int?)json["pid"] == frontEndPid && (int?)json["agent_pid"] is { } agent)
                {
                    return (Path.GetFileName(Path.GetDirectoryName(record)!), agent);
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("the front end never recorded a worker it started");
    }

    private static int AgentGroup(Deck deck, string runId) =>
        (int)TryRead(deck.RunFile(runId, "supervisor.json"))!["agent_pid"]!;

    private static JsonObject? TryRead(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?.AsObject();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
