using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Core.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>Worker supervision with the real CLIs against the mock, driven only through the agentdeck verbs.</summary>
[Collection(AgentCliCollection.Name)]
public sealed class SupervisionThroughDeckTests(AgentCliFixture fixture)
{
    [Fact]
    public async Task Given_four_detached_workers_When_waited_for_Then_all_four_succeed()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        string[] ids =
        [
            await deck.RunDetachedAsync("claude", "First [[S:plain]]"),
            await deck.RunDetachedAsync("codex", "Second [[S:plain]]"),
            await deck.RunDetachedAsync("claude", "Third [[S:plain]]"),
            await deck.RunDetachedAsync("codex", "Fourth [[S:plain]]"),
        ];
        var (wait, runs) = await deck.WaitAsync(ids);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        Assert.Equal(ids.Order(), runs.Select(r => (string)r["id"]!).Order());
        Assert.All(runs, r => Assert.Equal(("succeeded", "Hello from mock model."), (Deck.Status(r), (string?)r["final_text"])));
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    public async Task Given_a_following_front_end_When_it_is_killed_with_SIGKILL_Then_the_worker_finishes_and_the_ledger_matches_its_raw_output(string agent)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var frontEnd = deck.Start("run", "--agent", agent, "--write", deck.Unique("Sleep while the front end dies [[S:steer]]"));
        var id = await FirstWordAfterRunAsync(frontEnd);
        await deck.UntilAsync(id, s => Deck.Status(s) == "running", "running");

        Assert.True(await frontEnd.SignalAsync(ProcessSignal.Kill, wholeGroup: true));
        Assert.Equal(ProcessSignal.Kill, (ProcessSignal?)(await frontEnd.WaitForExitAsync()).Signal);
        var (wait, _) = await deck.WaitAsync(id);
        var events = await deck.EventsAsync(id);

        Assert.True(wait.ExitCode == 0, wait.Describe());
        var rawBytes = await File.ReadAllBytesAsync(deck.RunFile(id, "stdout.log"));
        var rawLines = Encoding.UTF8.GetString(rawBytes).Split('\n');
        var nonBlank = Enumerable.Range(1, rawLines.Length).Where(n => rawLines[n - 1].Trim().Length > 0).ToList();
        var stdoutEvents = events.Where(e => (string?)e["stream"] == "stdout").ToList();
        Assert.Equal(nonBlank, stdoutEvents.Select(e => (int)e["line"]!).Distinct().Order());
        foreach (var group in stdoutEvents.Where(e => e["raw"] is not null).GroupBy(e => (int)e["line"]!))
        {
            Assert.Equal(rawLines[group.Key - 1], (string)group.First()["raw"]!);
        }
    }

    [Fact]
    public async Task Given_a_tiny_run_budget_When_a_kept_open_claude_worker_finishes_a_turn_Then_the_guard_ends_it_with_reason_budget_and_it_takes_no_more_work()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.SetLimitsAsync("run_budget_usd = 0.000001");

        // --keep-open would leave the session idle for more steering; the budget must end it instead.
        var id = await deck.RunDetachedAsync("claude", "Say hello [[S:plain]]", "--keep-open");
        var (wait, runs) = await deck.WaitAsync(id);
        var steer = await deck.CliAsync("steer", id, "More work [[S:plain]]");

        // The supervisor interrupts the worker when the budget is crossed (EndReason.RunBudget): status interrupted.
        Assert.Equal(1, wait.ExitCode);
        Assert.Equal(("failed", "budget"), (Deck.Status(runs[0]), (string?)runs[0]["failure_reason"]));
        Assert.True((double?)runs[0]["cost_usd"] > 0.000001, runs[0].ToJsonString());
        Assert.True(steer.ExitCode != 0, steer.Describe());
        Assert.Single((await deck.EventsAsync(id)).OfKind("turn_completed"));
    }

    [Fact]
    public async Task Given_a_tiny_run_budget_When_a_kept_open_codex_worker_on_a_priced_model_finishes_a_turn_Then_the_guard_ends_it_with_reason_budget()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.SetLimitsAsync("run_budget_usd = 0.000001");

        // Codex reports tokens but no cost: the supervisor prices them from the price table (gpt-5 is in it).
        var id = await deck.RunDetachedAsync("codex", "Say hello [[S:plain]]", "--keep-open", "--model", "gpt-5");
        var (wait, runs) = await deck.WaitAsync(id);

        Assert.Equal(1, wait.ExitCode);
        Assert.Equal(("failed", "budget"), (Deck.Status(runs[0]), (string?)runs[0]["failure_reason"]));
        Assert.True((double?)runs[0]["cost_usd"] > 0.000001, runs[0].ToJsonString());
    }

    [Fact]
    public async Task Given_max_concurrency_1_When_two_runs_start_Then_the_second_is_queued_while_the_first_runs_and_both_finish()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.SetLimitsAsync("max_concurrency = 1");

        var first = await deck.RunDetachedAsync("claude", "Go slowly [[S:slow]]");
        await deck.UntilAsync(first, s => Deck.Status(s) == "running", "running");
        var second = await deck.RunDetachedAsync("claude", "Then me [[S:plain]]");
        var secondWhileFirstRuns = await deck.UntilAsync(second, s => Deck.Status(s) != "starting", "out of starting");
        var firstMeanwhile = await deck.StatusAsync(first);
        var (wait, _) = await deck.WaitAsync(first, second);

        Assert.Equal("queued", Deck.Status(secondWhileFirstRuns));
        Assert.Equal("running", Deck.Status(firstMeanwhile));
        Assert.True(wait.ExitCode == 0, wait.Describe());
        var ended = (await deck.ShowAsync(first))["ended_at"]!.GetValue<DateTimeOffset>();
        var secondStarted = (await deck.EventsAsync(second))[0]["time"]!.GetValue<DateTimeOffset>();
        Assert.True(secondStarted >= ended, $"the second run's first event ({secondStarted:O}) came before the first run ended ({ended:O})");
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    public async Task Given_a_model_that_never_answers_When_the_run_timeout_passes_Then_the_worker_is_stopped_with_reason_timeout(string agent)
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        await deck.SetLimitsAsync("run_timeout_seconds = 5");

        var id = await deck.RunDetachedAsync(agent, $"Hang [[S:{AgentCliFixture.HangScenario}]]");
        var (wait, runs) = await deck.WaitAsync(id);

        Assert.Equal(1, wait.ExitCode);
        Assert.Equal(("failed", "timeout"), (Deck.Status(runs[0]), (string?)runs[0]["failure_reason"]));
    }

    [Fact]
    public async Task Given_four_workers_in_one_supervisor_host_When_the_host_is_killed_with_SIGKILL_Then_every_run_is_lost_and_ledger_rebuild_recovers_its_events()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        // Launched and awaited side by side: on a loaded box, one after the other took longer than a slow answer lasts.
        var ids = await Task.WhenAll(
            deck.RunDetachedAsync("claude", "One [[S:slow]]"),
            deck.RunDetachedAsync("codex", "Two [[S:slow]]"),
            deck.RunDetachedAsync("claude", "Three [[S:slow]]"),
            deck.RunDetachedAsync("codex", "Four [[S:slow]]"));
        await Task.WhenAll(ids.Select(id => deck.UntilAsync(id, s => Deck.Status(s) == "running", "running")));

        var hosts = ids.Select(id => (int)JsonNode.Parse(File.ReadAllText(deck.RunFile(id, "supervisor.json")))!["pid"]!).Distinct().ToList();
        Assert.Single(hosts);
        using (var host = Process.GetProcessById(hosts[0]))
        {
            host.Kill(); // SIGKILL: no chance to record anything more
            await host.WaitForExitAsync();
        }

        var statuses = new List<JsonObject>();
        foreach (var id in ids)
        {
            statuses.Add(await deck.StatusAsync(id));
        }

        Assert.All(statuses, s => Assert.Equal(("lost", "supervisor_died"), (Deck.Status(s), (string?)s["failure_reason"])));
        foreach (var id in ids)
        {
            await deck.SucceedAsync("ledger", "rebuild", id);
            var rawLines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(deck.RunFile(id, "stdout.log"))).Split('\n');
            var nonBlank = Enumerable.Range(1, rawLines.Length).Where(n => rawLines[n - 1].Trim().Length > 0).ToList();
            // Line 0 holds what no raw line made (notices, the close of an interrupted turn).
            var stdoutLines = (await deck.EventsAsync(id)).Where(e => (string?)e["stream"] == "stdout").Select(e => (int)e["line"]!).Where(n => n > 0).Distinct().Order();
            Assert.NotEmpty(nonBlank);
            Assert.Equal(nonBlank, stdoutLines);
        }

        // The dead host's socket is still there; it must not block the next run.
        Assert.True(File.Exists(Path.Combine(deck.StateDirectory, "host", "control.sock")));
        var next = await deck.RunDetachedAsync("claude", "After the crash [[S:plain]]");
        var (wait, _) = await deck.WaitAsync(next);
        Assert.True(wait.ExitCode == 0, wait.Describe());
    }

    /// <summary>The front end's first line is "run ID (agent); …".</summary>
    private static async Task<string> FirstWordAfterRunAsync(IRunningProcess frontEnd)
    {
        await foreach (var line in frontEnd.StdoutLines)
        {
            var text = Encoding.UTF8.GetString(line.Span);
            if (text.StartsWith("run ", StringComparison.Ordinal))
            {
                return text.Split(' ')[1];
            }
        }

        throw new InvalidOperationException("the front end printed no run id");
    }
}
