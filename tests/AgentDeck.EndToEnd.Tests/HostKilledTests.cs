using System.Text.Json.Nodes;
using AgentDeck.Core.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// Claude workers busy in their Bash tool (a long <c>sleep</c>) when the supervisor host is killed with SIGKILL, or
/// when they are stopped with <c>--force</c>: nothing they started runs on, and every view tells the truth at once.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class HostKilledTests(AgentCliFixture fixture)
{
    private const int Workers = 3;
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Given_claude_workers_in_a_long_tool_When_their_host_is_killed_Then_everything_they_started_dies_and_every_view_shows_them_lost()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var ids = await Task.WhenAll(Enumerable.Range(1, Workers).Select(i => deck.RunDetachedAsync("claude", $"Task {i}: sleep long [[S:steer-long]]")));
        await Task.WhenAll(ids.Select(deck.UntilToolStartedAsync));
        var trees = await Task.WhenAll(ids.Select(id => TreeWithSleepAsync(deck, id)));
        var host = (int)JsonNode.Parse(File.ReadAllText(deck.RunFile(ids[0], "supervisor.json")))!["pid"]!;

        Assert.True(Signal(host, ProcessSignal.Kill));

        await AllEndAsync(trees.SelectMany(tree => tree));
        var runs = JsonNode.Parse((await deck.SucceedAsync("runs", "--json")).Stdout)!.AsArray().Select(r => r!.AsObject()).ToList();
        foreach (var id in ids)
        {
            Assert.Equal("lost", Deck.Status(runs.Single(r => (string)r["id"]! == id)));
            Assert.Equal("lost", Deck.Status(await deck.ShowAsync(id)));
            Assert.False(File.Exists(deck.RunFile(id, "control.sock")), $"run {id} kept its control socket");
            var follow = await deck.CliAsync("events", id, "--follow").WaitAsync(Soon);
            Assert.True(follow.ExitCode == 0, follow.Describe());
            await deck.SucceedAsync("ledger", "rebuild", id);
            Assert.Equal("lost", Deck.Status(await deck.ShowAsync(id)));
        }
    }

    [Fact]
    public async Task Given_claude_workers_in_a_long_tool_When_stopped_with_force_Then_everything_they_started_dies()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var ids = await Task.WhenAll(Enumerable.Range(1, Workers).Select(i => deck.RunDetachedAsync("claude", $"Task {i}: sleep long [[S:steer-long]]")));
        await Task.WhenAll(ids.Select(deck.UntilToolStartedAsync));
        var trees = await Task.WhenAll(ids.Select(id => TreeWithSleepAsync(deck, id)));

        await Task.WhenAll(ids.Select(id => deck.SucceedAsync("stop", "--force", id)));

        await AllEndAsync(trees.SelectMany(tree => tree));
        foreach (var id in ids)
        {
            Assert.Contains(Deck.Status(await deck.ShowAsync(id)), new[] { "stopped", "interrupted" });
        }
    }

    /// <summary>Every process the run's worker started, once its Bash tool's sleep is among them.</summary>
    private static async Task<IReadOnlyList<(int Pid, string CommandLine)>> TreeWithSleepAsync(Deck deck, string id)
    {
        var waiter = int.Parse((await File.ReadAllTextAsync(deck.RunFile(id, "waiter.pid"))).Trim());
        var deadline = DateTime.UtcNow + Soon;
        while (true)
        {
            var tree = ProcessGroups.Descendants(waiter);
            if (tree.Any(p => p.CommandLine.StartsWith("sleep 20", StringComparison.Ordinal)))
            {
                return [(waiter, "waiter"), .. tree];
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {id}'s Bash tool never started its sleep: {string.Join("; ", tree.Select(p => p.CommandLine))}");
            await Task.Delay(50);
        }
    }

    private static async Task AllEndAsync(IEnumerable<(int Pid, string CommandLine)> processes)
    {
        var deadline = DateTime.UtcNow + Soon;
        List<(int Pid, string CommandLine)> alive;
        while ((alive = processes.Where(p => ProcessGroups.IsAlive(p.Pid)).ToList()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"still running: {string.Join("; ", alive.Select(p => $"{p.Pid} {p.CommandLine}"))}");
            await Task.Delay(50);
        }
    }

    private static bool Signal(int pid, ProcessSignal signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [signal == ProcessSignal.Kill ? "-KILL" : "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }
}
