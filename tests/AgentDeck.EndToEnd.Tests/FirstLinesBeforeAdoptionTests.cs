using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Core.Processes;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// A cold spawn's first lines, recorded by the front end itself while no host has adopted the worker yet (it looks
/// into the pipe without consuming it). The test holds the host start lock, so no host can start and adopt while it
/// looks: whatever the ledger shows then, the front end recorded.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class FirstLinesBeforeAdoptionTests(AgentCliFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_no_host_can_start_yet_When_claude_prints_its_first_line_Then_show_has_its_events_before_any_host_and_after_adoption_the_ledger_matches_the_raw_log_once()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var hostLock = HoldHostStartLock(deck);
        var frontEnd = deck.Start("run", "--agent", "claude", "--detach", deck.Unique("Say hello [[S:plain]]"));
        string id;
        try
        {
            id = await RunOfAsync(deck, frontEnd.Pid);
            var early = await UntilEventsAsync(deck, id);

            Assert.False(File.Exists(Path.Combine(deck.StateDirectory, "host", "host.log")), "no host may have started while the start lock is held");
            Assert.Contains(early, e => (string?)e["stream"] == "stdout" && (int)e["line"]! >= 1);
        }
        finally
        {
            hostLock.Dispose();
        }

        await frontEnd.WaitForExitAsync();
        var (wait, runs) = await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal("succeeded", Deck.Status(runs.Single()));
        Assert.Contains(File.ReadLines(Path.Combine(deck.StateDirectory, "host", "host.log")), l => l.Contains($"run {id}: adopted", StringComparison.Ordinal));
        var rawLines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(deck.RunFile(id, "stdout.log"))).TrimEnd('\n').Split('\n');
        var stdoutEvents = events.Where(e => (string?)e["stream"] == "stdout" && (int)e["line"]! > 0).ToList();
        Assert.Equal(Enumerable.Range(1, rawLines.Length), stdoutEvents.Select(e => (int)e["line"]!).Distinct());
        Assert.Single(rawLines, l => l.Contains("\"subtype\":\"init\"", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => (int)e["seq"]!));
        Assert.All(stdoutEvents.Where(e => e["raw"] is not null), e => Assert.Equal(rawLines[(int)e["line"]! - 1], (string)e["raw"]!));
    }

    [Fact]
    public async Task Given_a_front_end_that_recorded_the_first_lines_When_it_is_killed_before_any_host_adopted_Then_they_stay_the_run_is_lost_and_a_rebuild_reproduces_them()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var hostLock = HoldHostStartLock(deck);
        var frontEnd = deck.Start("run", "--agent", "claude", "--detach", deck.Unique("Say hello [[S:plain]]"));
        string id;
        IReadOnlyList<JsonObject> early;
        try
        {
            id = await RunOfAsync(deck, frontEnd.Pid);
            early = await UntilEventsAsync(deck, id);
            Assert.True(await frontEnd.SignalAsync(ProcessSignal.Kill, wholeGroup: true));
            await frontEnd.WaitForExitAsync();
        }
        finally
        {
            hostLock.Dispose();
        }

        var (_, runs) = await deck.WaitAsync(id);
        var kept = await deck.EventsAsync(id);
        await deck.SucceedAsync("ledger", "rebuild", id);
        var rebuilt = await deck.EventsAsync(id);

        Assert.Equal("lost", Deck.Status(runs.Single()));
        Assert.Equal(Lines(early), Lines(kept).Take(early.Count));
        Assert.Equal(Lines(kept.Where(e => (int)e["line"]! > 0).ToList()), Lines(rebuilt.Where(e => (int)e["line"]! > 0).ToList()));
        var rawLines = File.ReadAllText(deck.RunFile(id, "stdout.log")).TrimEnd('\n').Split('\n');
        Assert.Equal(Enumerable.Range(1, rawLines.Length), rebuilt.Where(e => (string?)e["stream"] == "stdout" && (int)e["line"]! > 0).Select(e => (int)e["line"]!).Distinct());
    }

    /// <summary>Holds the lock a front end takes to start a host, as a racing front end would: no host starts meanwhile.</summary>
    private static FileLock HoldHostStartLock(Deck deck)
    {
        var folder = Directory.CreateDirectory(Path.Combine(deck.StateDirectory, HostFiles.DirectoryName)).FullName;
        return FileLock.TryAcquire(Path.Combine(folder, "start.lock")) ?? throw new InvalidOperationException("the host start lock is taken");
    }

    private static IReadOnlyList<(int Line, string Stream, string Kind, string? Raw)> Lines(IReadOnlyList<JsonObject> events) =>
        events.Select(e => ((int)e["line"]!, (string)e["stream"]!, (string)e["event"]!["kind"]!, (string?)e["raw"])).ToList();

    /// <summary>The run the front end started (it records itself as the run's supervisor with the worker's pid).</summary>
    private static async Task<string> RunOfAsync(Deck deck, int frontEndPid)
    {
        var runs = Path.Combine(deck.StateDirectory, "runs");
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var record in Directory.Exists(runs) ? Directory.EnumerateFiles(runs, "supervisor.json", SearchOption.AllDirectories) : [])
            {
                if (TryRead(record) is { } json && (int?)json["pid"] == frontEndPid && json["agent_pid"] is not null)
                {
                    return Path.GetFileName(Path.GetDirectoryName(record)!);
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the front end never recorded a worker it started");
    }

    /// <summary>Polls <c>show --json</c> until the run has events, then reads them.</summary>
    private static async Task<IReadOnlyList<JsonObject>> UntilEventsAsync(Deck deck, string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((int)(await deck.ShowAsync(id))["events"]! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {id} showed no event while its front end held it");
            await Task.Delay(50);
        }

        return await deck.EventsAsync(id);
    }

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
