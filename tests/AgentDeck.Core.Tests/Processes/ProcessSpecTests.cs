using AgentDeck.Core.Processes;

namespace AgentDeck.Core.Tests.Processes;

public sealed class ProcessSpecTests
{
    [Theory]
    [InlineData(new[] { "--version" }, "git --version")]
    [InlineData(new[] { "commit", "-m", "fix the bug" }, "git commit -m 'fix the bug'")]
    [InlineData(new[] { "log", "" }, "git log ''")]
    [InlineData(new[] { "it's" }, "git 'it'\\''s'")]
    [InlineData(new[] { "$HOME", "a;b" }, "git '$HOME' 'a;b'")]
    public void Given_arguments_When_shown_as_a_command_line_Then_a_shell_would_read_back_the_same_words(string[] arguments, string expected)
    {
        Assert.Equal(expected, new ProcessSpec("git", arguments).CommandLine);
    }

    [Fact]
    public void Given_a_new_spec_When_nothing_is_set_Then_it_shares_our_group_closes_stdin_and_changes_no_environment()
    {
        var spec = ProcessSpec.For("tmux", "-V");

        Assert.Equal(ProcessGrouping.SameAsParent, spec.Grouping);
        Assert.Equal(StdinMode.None, spec.Stdin);
        Assert.Empty(spec.Environment);
        Assert.Null(spec.WorkingDirectory);
        Assert.Null(spec.InstallHint);
    }

    [Fact]
    public void Given_an_install_hint_When_not_installed_Then_the_message_is_one_line_naming_program_and_fix()
    {
        var spec = ProcessSpec.For("claude") with { InstallHint = "run tests/install-agent-clis.sh or npm i -g @anthropic-ai/claude-code" };

        var error = ProcessStartException.NotInstalled(spec);

        Assert.Equal("claude is not installed: run tests/install-agent-clis.sh or npm i -g @anthropic-ai/claude-code", error.Message);
        Assert.Equal("claude", error.FileName);
    }

    [Theory]
    [InlineData(0, null, "exit code 0")]
    [InlineData(1, null, "exit code 1")]
    [InlineData(128, null, "exit code 128")]
    [InlineData(130, 2, "killed by signal 2")]
    [InlineData(137, 9, "killed by signal 9")]
    [InlineData(255, null, "exit code 255")]
    public void Given_an_exit_code_When_read_as_a_status_Then_signal_deaths_follow_the_shell_convention(int code, int? signal, string text)
    {
        var status = new ProcessExitStatus(code);

        Assert.Equal(signal, status.Signal);
        Assert.Equal(text, status.ToString());
        Assert.Equal(15, ProcessExitStatus.KilledBy(ProcessSignal.Terminate).Signal);
    }

    [Fact]
    public void Given_a_timed_out_result_When_asked_if_it_succeeded_Then_it_did_not()
    {
        Assert.False(new ProcessResult(0, "", "", TimedOut: true).Succeeded);
        Assert.True(new ProcessResult(0, "", "", TimedOut: false).Succeeded);
    }
}
