using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

public sealed class RunAsyncTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private readonly ProcessRunner _runner = new();

    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 3", 3)]
    [InlineData("exit 255", 255)]
    public async Task Given_a_command_When_it_exits_Then_its_exit_code_is_reported(string script, int expected)
    {
        var result = await _runner.RunAsync(ProcessSpec.For("/bin/sh", "-c", script), null, Generous);

        Assert.Equal(expected, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal(expected == 0, result.Succeeded);
    }

    [Fact]
    public async Task Given_output_on_both_streams_When_run_Then_stdout_and_stderr_are_kept_apart()
    {
        var result = await _runner.RunAsync(ProcessSpec.For("/bin/sh", "-c", "printf 'out\\n'; printf 'err\\n' >&2"), null, Generous);

        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
    }

    [Fact]
    public async Task Given_arguments_with_spaces_quotes_and_empties_When_run_Then_each_reaches_the_program_verbatim()
    {
        string[] words = ["a b", "c\"d", "", "'e'", "$HOME", "*"];
        var result = await _runner.RunAsync(new ProcessSpec("printf", ["%s|", .. words]), null, Generous);

        Assert.Equal(string.Concat(words.Select(w => w + "|")), result.Stdout);
    }

    [Fact]
    public async Task Given_stdin_text_When_cat_runs_Then_it_echoes_the_text()
    {
        var text = "first line\nzweite Zeile: äöü\nno newline at end";

        var result = await _runner.RunAsync(ProcessSpec.For("cat"), text, Generous);

        Assert.Equal(text, result.Stdout);
    }

    [Fact]
    public async Task Given_no_stdin_When_cat_runs_Then_it_reads_end_of_file_instead_of_the_terminal()
    {
        var result = await _runner.RunAsync(ProcessSpec.For("cat"), null, Generous);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Given_a_command_outliving_its_timeout_When_run_Then_it_is_killed_and_reported_as_timed_out()
    {
        var spec = ProcessSpec.For("/bin/sh", "-c", "echo $$; exec sleep 300");

        var result = await _runner.RunAsync(spec, null, TimeSpan.FromMilliseconds(300));

        Assert.True(result.TimedOut);
        Assert.Equal(ProcessExitStatus.KilledBy(ProcessSignal.Kill).ExitCode, result.ExitCode);
        var pid = int.Parse(result.Stdout.Trim());
        Assert.True(await Proc.EventuallyAsync(() => Proc.Stat(pid) is null), $"pid {pid} still exists");
    }

    [Fact]
    public async Task Given_a_group_leader_with_children_outliving_the_timeout_When_run_Then_the_whole_group_is_killed()
    {
        var spec = ProcessSpec.For("/bin/sh", "-c", "sleep 300 & sleep 300 & echo $$; wait") with { Grouping = ProcessGrouping.NewSession };

        var result = await _runner.RunAsync(spec, null, TimeSpan.FromMilliseconds(300));

        Assert.True(result.TimedOut);
        var pgid = int.Parse(result.Stdout.Trim());
        Assert.True(await Proc.EventuallyAsync(() => Proc.LiveMembersOf(pgid).Count == 0), "group members survived");
    }

    [Fact]
    public async Task Given_cancellation_When_running_Then_the_command_is_killed_and_cancellation_is_thrown()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunAsync(ProcessSpec.For("sleep", "300"), null, Generous, cancel.Token));
    }

    [Fact]
    public async Task Given_environment_overrides_When_run_Then_removed_variables_are_gone_and_set_ones_present()
    {
        Environment.SetEnvironmentVariable("AGENTDECK_TEST_STRAY", "leaked");
        var spec = ProcessSpec.For("/bin/sh", "-c", "printf '%s %s' \"${AGENTDECK_TEST_STRAY-unset}\" \"$AGENTDECK_TEST_SET\"") with
        {
            Environment = new Dictionary<string, string?> { ["AGENTDECK_TEST_STRAY"] = null, ["AGENTDECK_TEST_SET"] = "yes" },
        };

        var result = await _runner.RunAsync(spec, null, Generous);

        Assert.Equal("unset yes", result.Stdout);
    }

    [Fact]
    public async Task Given_a_working_directory_When_run_Then_the_command_runs_there()
    {
        var directory = Directory.CreateTempSubdirectory("agentdeck-cwd-").FullName;
        try
        {
            var result = await _runner.RunAsync(ProcessSpec.For("pwd") with { WorkingDirectory = directory }, null, Generous);

            Assert.Equal(directory, result.Stdout.TrimEnd('\n'));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public async Task Given_a_missing_working_directory_When_run_Then_a_one_line_start_error_names_it()
    {
        var spec = ProcessSpec.For("pwd") with { WorkingDirectory = "/nonexistent/agentdeck" };

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => _runner.RunAsync(spec, null, Generous));

        Assert.Equal("cannot start pwd: working directory /nonexistent/agentdeck does not exist", error.Message);
    }
}
