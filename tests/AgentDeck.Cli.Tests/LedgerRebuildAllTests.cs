using System.Text.Json;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Tests;

/// <summary>
/// <c>agentdeck ledger rebuild --all</c> after a corrupt ledger was moved aside: the runs come back from their folders
/// (launch.json, stdout.log, stderr.log, exit.status), their events from the raw logs.
/// </summary>
public sealed class LedgerRebuildAllTests : IDisposable
{
    private static readonly DateTime Started = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Ended = Started.AddMinutes(3);
    private readonly TempHome _home = new();
    private readonly AgentDeckPaths _paths;

    public LedgerRebuildAllTests() => _paths = new AgentDeckPaths(_home.Path);

    public void Dispose() => _home.Dispose();

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    private string RunFolder(AgentKind agent, string transcript, int? exitCode, Action<WorkerLaunch, RunFiles>? write = null, int random = 1)
    {
        var id = RunIds.New(DateTimeOffset.UtcNow, random);
        var files = new RunFiles(_paths, id);
        var launch = new WorkerLaunch(id, agent, "fix the failing test", "/home/dev/project") { Role = "implementation", Model = "mock-model", Profile = "fast" };
        if (write is null)
        {
            LaunchFile.Save(files, launch);
        }
        else
        {
            files.EnsurePrivateDirectory();
            write(launch, files);
        }

        File.Copy(Fixtures.Transcript(transcript), _paths.StdoutLog(id));
        File.WriteAllText(_paths.StderrLog(id), "a warning on stderr\n");
        if (exitCode is { } code)
        {
            File.WriteAllText(files.ExitStatus, $"{code}\n");
        }

        if (File.Exists(files.Launch))
        {
            File.SetLastWriteTimeUtc(files.Launch, Started);
        }

        File.SetLastWriteTimeUtc(_paths.StdoutLog(id), Ended);
        File.SetLastWriteTimeUtc(_paths.StderrLog(id), Ended.AddSeconds(-5));
        return id;
    }

    private async Task<JsonElement> Show(string id)
    {
        var show = await Agentdeck("show", id, "--json");
        Assert.True(show.ExitCode == 0, show.Error);
        return JsonDocument.Parse(show.Out).RootElement;
    }

    [Fact]
    public async Task Given_run_folders_and_no_ledger_When_rebuilding_all_Then_each_run_is_recreated_with_its_launch_times_exit_and_events()
    {
        var claude = RunFolder(AgentKind.Claude, "claude-02-tools.ndjson", exitCode: 0, random: 1);
        var codex = RunFolder(AgentKind.Codex, "codex-01-plain.ndjson", exitCode: null, random: 2);

        var rebuild = await Agentdeck("ledger", "rebuild", "--all");

        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        Assert.Contains($"recreated {claude} (claude)", rebuild.Out, StringComparison.Ordinal);
        Assert.Contains("2 run(s) recreated, 0 rebuilt, 0 skipped", rebuild.Out, StringComparison.Ordinal);
        var run = await Show(claude);
        Assert.Equal(("claude", "fix the failing test", "/home/dev/project", "implementation", "fast"),
            (run.GetProperty("agent").GetString(), run.GetProperty("prompt").GetString(), run.GetProperty("cwd").GetString(),
                run.GetProperty("role").GetString(), run.GetProperty("profile").GetString()));
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(0, run.GetProperty("exit_code").GetInt32());
        Assert.Equal(14, run.GetProperty("events").GetInt64());
        Assert.Equal(3, run.GetProperty("tool_calls").GetInt32());
        Assert.Equal(Started, run.GetProperty("started_at").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(Ended, run.GetProperty("ended_at").GetDateTimeOffset().UtcDateTime);
        var other = await Show(codex);
        Assert.Equal(("codex", "succeeded"), (other.GetProperty("agent").GetString(), other.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, other.GetProperty("exit_code").ValueKind);
    }

    [Fact]
    public async Task Given_a_folder_without_launch_json_When_rebuilding_all_Then_it_is_skipped_with_how_to_import_it_and_the_rest_recreated()
    {
        var good = RunFolder(AgentKind.Claude, "claude-01-plain.ndjson", exitCode: 0, random: 1);
        var unknown = RunFolder(AgentKind.Claude, "claude-01-plain.ndjson", exitCode: 0, (_, _) => { }, random: 2);
        var torn = RunFolder(AgentKind.Claude, "claude-01-plain.ndjson", exitCode: 0, (_, files) => File.WriteAllText(files.Launch, "{\"RunId\":"), random: 3);

        var rebuild = await Agentdeck("ledger", "rebuild", "--all");

        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        Assert.Contains($"skipped {unknown}: no launch.json", rebuild.Out, StringComparison.Ordinal);
        Assert.Contains("agentdeck import --agent AGENT", rebuild.Out, StringComparison.Ordinal);
        Assert.Contains($"skipped {torn}: its launch.json cannot be read", rebuild.Out, StringComparison.Ordinal);
        Assert.Equal("succeeded", (await Show(good)).GetProperty("status").GetString());
        var runs = JsonDocument.Parse((await Agentdeck("runs", "--json")).Out).RootElement;
        Assert.Equal(1, runs.GetArrayLength());
    }

    [Fact]
    public async Task Given_runs_already_in_the_ledger_When_rebuilding_all_Then_they_are_rebuilt_not_duplicated()
    {
        var import = await Agentdeck("import", "--agent", "claude", Fixtures.Transcript("claude-01-plain.ndjson"), "--exit-code", "0");
        var id = import.Out.Trim();

        var rebuild = await Agentdeck("ledger", "rebuild", "--all");

        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        Assert.Contains($"rebuilt {id} (claude)", rebuild.Out, StringComparison.Ordinal);
        Assert.Contains("0 run(s) recreated, 1 rebuilt, 0 skipped", rebuild.Out, StringComparison.Ordinal);
        Assert.Equal("succeeded", (await Show(id)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData]
    [InlineData("someid", "--all")]
    public async Task Given_neither_or_both_a_run_and_all_Then_a_usage_error(params string[] extra)
    {
        var rebuild = await Agentdeck(["ledger", "rebuild", .. extra]);

        Assert.Equal(2, rebuild.ExitCode);
        Assert.Contains("--all", rebuild.Error, StringComparison.Ordinal);
    }
}
