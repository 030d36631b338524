using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Tests;

/// <summary>How runs read in the plain-text lists: the same words for the same facts, and no empty decorations.</summary>
public sealed class RunWordingTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    private async Task<string> Import(string agent, string transcript, int exitCode)
    {
        var run = await Agentdeck("import", "--agent", agent, Fixtures.Transcript(transcript), "--exit-code", exitCode.ToString());
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Out.Trim();
    }

    [Fact]
    public async Task Given_a_run_without_a_known_cost_Then_status_and_runs_say_cost_unknown_alike()
    {
        await Import("codex", "codex-01-plain.ndjson", 0);

        var status = await Agentdeck("status");
        var runs = await Agentdeck("runs");

        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains("cost unknown", runs.Out, StringComparison.Ordinal);
        Assert.Contains("cost unknown", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("$?", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_runs_but_none_failed_When_listing_failed_runs_Then_it_says_none_has_that_status_and_how_many_there_are()
    {
        await Import("claude", "claude-01-plain.ndjson", 0);
        await Import("claude", "claude-02-tools.ndjson", 0);

        var runs = await Agentdeck("runs", "--status", "failed");

        Assert.Equal(0, runs.ExitCode);
        Assert.DoesNotContain("No runs yet", runs.Out, StringComparison.Ordinal);
        Assert.Contains("No run is failed", runs.Out, StringComparison.Ordinal);
        Assert.Contains("2 runs", runs.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_run_stopped_without_a_reason_Then_no_list_prints_empty_parentheses()
    {
        var id = await Import("claude", "claude-01-plain.ndjson", 0);
        using (var ledger = SqliteRunLedger.Open(new AgentDeckPaths(_home.Path)))
        {
            // What the supervisor writes when a user stops a worker: the status, and the reason cleared.
            ledger.UpdateRun(id, new RunUpdate { Status = RunStatus.Stopped, FailureReason = string.Empty });
        }

        var runs = await Agentdeck("runs");
        var status = await Agentdeck("status");
        var show = await Agentdeck("show", id);
        var export = await Agentdeck("export", id, "--format", "md");

        foreach (var output in new[] { runs, status, show, export })
        {
            Assert.True(output.ExitCode == 0, output.Error);
            Assert.Contains("stopped", output.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("()", output.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("stopped —", output.Out, StringComparison.Ordinal);
        }
    }
}
