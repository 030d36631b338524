using System.Text.Json;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

/// <summary>
/// What a person does with the real app inside tmux: spawn a worker from the dialog, watch it stream, steer it, stop it
/// (confirming), quit, reopen, and find the same run. The worker is the built-in simulated Claude agent (the one
/// <c>agentdeck demo</c> uses when claude is not installed), reached through AGENTDECK_CLAUDE_COMMAND. The screen is
/// checked for what the person sees; the ledger, through <c>agentdeck show/events --json</c>, for what happened.
/// </summary>
public sealed class TmuxWorkerLifecycleTests : IDisposable
{
    private const string LongScenario = "e2e-long";
    private readonly TempHome _home = new();
    private readonly TmuxScreen _tmux = new();
    private readonly string _repo;
    private readonly Dictionary<string, string> _environment;

    public TmuxWorkerLifecycleTests()
    {
        _repo = Directory.CreateDirectory(Path.Combine(_home.Path, "repo")).FullName;
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        var scenarios = Path.Combine(_home.Path, "scenarios.yaml");
        File.WriteAllText(scenarios, Scenarios());
        string[] simulated = ["dotnet", AgentdeckCli.Dll, "simulate-agent", "--agent", "claude", "--scenarios", scenarios, "--pace-ms", "100", "--"];
        _environment = new Dictionary<string, string>
        {
            ["AGENTDECK_HOME"] = Path.Combine(_home.Path, "state"),
            ["HOME"] = _home.Path,
            ["XDG_CONFIG_HOME"] = Path.Combine(_home.Path, "config"),
            ["AGENTDECK_CLAUDE_COMMAND"] = JsonSerializer.Serialize(simulated),
        };
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(200, 50)]
    public void A_worker_spawned_from_the_dialog_streams_is_steered_stopped_and_still_there_after_reopening(int width, int height)
    {
        var cli = new AgentdeckCli(_repo, _environment);
        _tmux.Start(width, height, _repo, _environment, AgentdeckCli.Command());
        _tmux.WaitFor(s => s.Contains("AgentDeck", StringComparison.Ordinal), "the mission-control header");

        _tmux.Keys("n");
        _tmux.WaitFor(s => s.Contains("Spawn a worker", StringComparison.Ordinal), "the spawn dialog");
        _tmux.Type($"[[S:{LongScenario}]] keep working until told otherwise");
        _tmux.Keys("C-s");
        _tmux.WaitFor(s => s.Contains("spawned", StringComparison.Ordinal), "the spawn confirmation");
        var runId = (string)cli.Runs().Single()!["id"]!;

        _tmux.WaitFor(s => s.Contains("Step 2", StringComparison.Ordinal), "the worker's streamed text");
        Assert.Equal("running", (string?)cli.Show(runId)["status"]);

        _tmux.Keys("s");
        _tmux.Type("[[S:steer2]] change of plan");
        _tmux.Keys("Enter");
        _tmux.WaitFor(s => s.Contains("steered", StringComparison.Ordinal), "the steer confirmation");
        Eventually.True(
            () => cli.Events(runId).Any(e => e.ToJsonString().Contains("Got your second message", StringComparison.Ordinal)),
            () => "the ledger never recorded the steered answer");
        var steer = Assert.Single(cli.Events(runId), e => (string?)e["event"]?["kind"] == "steer")["event"]!;
        Assert.Equal(("[[S:steer2]] change of plan", "tui"), ((string?)steer["text"], (string?)steer["from"]));
        _tmux.Keys("Enter");
        _tmux.WaitFor(s => s.Contains("» steered from tui: [[S:steer2]] change of plan", StringComparison.Ordinal), "the steer in the focused transcript");
        _tmux.Keys("Escape");
        _tmux.WaitFor(s => !s.Contains("» steered from tui", StringComparison.Ordinal), "the grid again");

        _tmux.Keys("x");
        _tmux.WaitFor(s => s.Contains("Confirm", StringComparison.Ordinal), "the stop confirmation");
        _tmux.Keys("y");
        Eventually.True(() => (string?)cli.Show(runId)["status"] == "stopped", () => $"run {runId} never stopped: {cli.Show(runId).ToJsonString()}");
        _tmux.WaitFor(s => s.Contains("stopped", StringComparison.Ordinal), "the stopped worker");

        _tmux.Keys("q");
        Eventually.True(() => _tmux.Exited, () => "the app did not quit and restore the terminal");

        _tmux.Respawn(AgentdeckCli.Command());
        _tmux.WaitFor(s => s.Contains("stopped", StringComparison.Ordinal) && s.Contains("claude", StringComparison.Ordinal), "the same run after reopening");
        Assert.Equal(runId, (string)cli.Runs().Single()!["id"]!);
    }

    [Fact]
    public void A_running_worker_shows_on_the_cost_tab_as_its_supervisor_counts_it_against_the_limits_it_enforces()
    {
        var config = Directory.CreateDirectory(Path.Combine(_home.Path, "config", "agentdeck")).FullName;
        File.WriteAllText(Path.Combine(config, "config.toml"), "[limits]\nmax_concurrency = 2\nrun_budget_usd = 5.0\nglobal_budget_usd = 50.0\n");
        var cli = new AgentdeckCli(_repo, _environment);
        _tmux.Start(200, 50, _repo, _environment, AgentdeckCli.Command());
        _tmux.WaitFor(s => s.Contains("AgentDeck", StringComparison.Ordinal), "the mission-control header");

        _tmux.Keys("n");
        _tmux.WaitFor(s => s.Contains("Spawn a worker", StringComparison.Ordinal), "the spawn dialog");
        _tmux.Type($"[[S:{LongScenario}]] keep working until told otherwise");
        _tmux.Keys("C-s");
        _tmux.WaitFor(s => s.Contains("Step 2", StringComparison.Ordinal), "the worker's streamed text");
        var runId = (string)cli.Runs().Single()!["id"]!;

        _tmux.Keys("Tab", "Tab", "Tab", "Tab");
        // The worker row's run budget comes from its supervisor's answer: without one, a run with no cost yet reads "cost unknown".
        var cost = _tmux.WaitFor(s => s.Contains("1 of 2 active", StringComparison.Ordinal) && s.Contains(" of $5.00", StringComparison.Ordinal), "the live worker against its run budget");
        Assert.Contains("of $50.00 today", cost, StringComparison.Ordinal);
        Assert.Contains("$5.00 per run", cost, StringComparison.Ordinal);

        _tmux.Keys("Tab");
        _tmux.WaitFor(s => s.Contains("[Workers]", StringComparison.Ordinal), "the grid again");
        _tmux.Keys("x");
        _tmux.WaitFor(s => s.Contains("Confirm", StringComparison.Ordinal), "the stop confirmation");
        _tmux.Keys("y");
        Eventually.True(() => (string?)cli.Show(runId)["status"] == "stopped", () => $"run {runId} never stopped: {cli.Show(runId).ToJsonString()}");
    }

    public void Dispose()
    {
        _tmux.Dispose();
        _home.Dispose();
    }

    private static string Scenarios()
    {
        var steps = string.Concat(Enumerable.Range(1, 40).Select(i => $"""

                  - delay_ms: 700
                    chunk_delay_ms: 150
                    reply:
                      - text: Step {i} of 40 is still going on here.
            """));
        return $"""
            scenarios:
              - name: {LongScenario}
                description: Forty slow steps, to be steered and stopped.
                steps:{steps}
            """;
    }
}
