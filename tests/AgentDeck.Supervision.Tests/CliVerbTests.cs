using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Tests.Support;

namespace AgentDeck.Supervision.Tests;

/// <summary>The worker verbs of the real agentdeck, run as processes: exit codes, one-line errors, JSON results.</summary>
public sealed class CliVerbTests : IDisposable
{
    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_an_unknown_role_When_run_Then_a_usage_error_lists_the_known_roles()
    {
        var result = await CliProcess.RunAsync(_state, null, "run", "--agent", "claude", "--role", "wizard", "hi");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("agentdeck: unknown role 'wizard': use one of requirements, architecture, security, testing, implementation, review, ops\n", result.Stderr);
    }

    [Fact]
    public async Task Given_an_agent_that_is_not_installed_When_run_Then_one_line_says_how_to_install_and_the_run_failed()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_state.Directory, "empty-bin")).FullName;
        var result = await CliProcess.RunAsync(_state, empty, "run", "--agent", "gemini", "--detach", "hi");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("agentdeck: gemini is not installed", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal((RunStatus.Failed, FailureReasons.Config), Single(r => (r.Status, r.FailureReason)));
    }

    [Fact]
    public async Task Given_an_unknown_or_finished_run_When_steered_Then_a_clear_error()
    {
        var finished = _state.NewRun();
        _state.Ledger.UpdateRun(finished.Id, new RunUpdate { Status = RunStatus.Succeeded });

        var unknown = await CliProcess.RunAsync(_state, null, "steer", "zzzzzzzzzz", "hello");
        var ended = await CliProcess.RunAsync(_state, null, "steer", finished.Id, "hello");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("zzzzzzzzzz", unknown.Stderr);
        Assert.Equal(1, ended.ExitCode);
        Assert.Equal($"agentdeck: run {finished.Id} has already ended (succeeded); continue its session with 'agentdeck resume {finished.Id} MESSAGE'\n", ended.Stderr);
    }

    [Fact]
    public async Task Given_a_run_whose_supervisor_died_When_waited_for_Then_it_is_lost_and_wait_fails_with_its_json()
    {
        var run = _state.NewRun(RunStatus.Running);
        var files = new RunFiles(_state.Paths, run.Id);
        files.EnsurePrivateDirectory();
        new SupervisorRecord(int.MaxValue - 1, 1, DateTimeOffset.UtcNow).Save(files.Supervisor);

        var result = await CliProcess.RunAsync(_state, null, "wait", run.Id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"status\":\"lost\"", result.Stdout);
    }

    [Fact]
    public async Task Given_a_run_that_keeps_going_When_waited_for_with_a_timeout_Then_exit_124()
    {
        var run = _state.NewRun(RunStatus.Running);
        var files = new RunFiles(_state.Paths, run.Id);
        files.EnsurePrivateDirectory();
        SupervisorRecord.ForCurrentProcess(DateTimeOffset.UtcNow).Save(files.Supervisor);

        var result = await CliProcess.RunAsync(_state, null, "wait", run.Id, "--timeout", "0.3");

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("\"status\":\"running\"", result.Stdout);
    }

    [Fact]
    public async Task Given_a_limits_timeout_in_the_project_config_When_the_agent_hangs_Then_the_run_fails_with_timeout()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_state.Directory, "bin")).FullName;
        var fakeClaude = Path.Combine(bin, "claude");
        File.WriteAllText(fakeClaude, "#!/bin/sh\nread first\necho '{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s1\",\"tools\":[]}'\nsleep 300\n");
        File.SetUnixFileMode(fakeClaude, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(_state.Directory, ".agentdeck"));
        File.WriteAllText(Path.Combine(_state.Directory, ".agentdeck", "config.toml"), "[limits]\nrun_timeout_seconds = 1\n");

        var result = await CliProcess.RunAsync(_state, bin, "run", "--agent", "claude", "hang");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[failed: timeout]", result.Stdout);
        Assert.Equal((RunStatus.Failed, FailureReasons.Timeout), Single(r => (r.Status, r.FailureReason)));
        var status = await CliProcess.RunAsync(_state, null, "last", "--json");
        Assert.Contains("\"failure_reason\":\"timeout\"", status.Stdout);
        var report = await CliProcess.RunAsync(_state, null, "export", Single(r => r.Id), "--format", "md");
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("- **Status:** failed (timeout)", report.Stdout);
        Assert.Contains("session s1", report.Stdout);
        Assert.Contains("error: the run outlived its timeout", report.Stdout);
        Assert.Contains("> hang", report.Stdout);
    }

    private T Single<T>(Func<RunRecord, T> select) => select(_state.Ledger.ListRuns(new RunQuery()).Single());
}
