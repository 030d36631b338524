using System.Text;
using AgentDeck.Core.Processes;
using AgentDeck.TestSupport;

namespace AgentDeck.Processes.Tests;

public sealed class FakeProcessRunnerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_an_expected_call_When_run_Then_the_scripted_output_and_exit_code_come_back()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("git", "status", "--porcelain").Stdout(" M a.cs", "?? b.cs").Stderr("warning").ExitsWith(1);

        var result = await runner.RunAsync(ProcessSpec.For("git", "status", "--porcelain"), null, Patience);

        Assert.Equal(new ProcessResult(1, " M a.cs\n?? b.cs\n", "warning\n", TimedOut: false), result);
        runner.VerifyAllCalled();
    }

    [Fact]
    public async Task Given_different_arguments_When_run_Then_the_failure_shows_expected_and_actual_lists()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("git", "status", "--porcelain");

        var error = await Assert.ThrowsAsync<UnexpectedProcessCallException>(
            () => runner.RunAsync(ProcessSpec.For("git", "status", "--short"), null, Patience));

        Assert.Equal(
            """
            FakeProcessRunner: unexpected call #1: argument 1 differs (expected "--porcelain", actual "--short")
              expected: git ["status", "--porcelain"]
              actual:   git ["status", "--short"]
            """.ReplaceLineEndings(Environment.NewLine),
            error.Message);
    }

    [Theory]
    [InlineData(new[] { "log" }, "expected 2 arguments, got 1")]
    [InlineData(new[] { "log", "-1", "--oneline" }, "expected 2 arguments, got 3")]
    [InlineData(new[] { "log", "-1 " }, "argument 1 differs (expected \"-1\", actual \"-1 \")")]
    public async Task Given_a_wrong_argument_count_or_hidden_space_When_run_Then_the_reason_is_precise(string[] actual, string reason)
    {
        var runner = new FakeProcessRunner();
        runner.Expect("git", "log", "-1");

        var error = await Assert.ThrowsAsync<UnexpectedProcessCallException>(
            () => runner.RunAsync(new ProcessSpec("git", actual), null, Patience));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Given_a_different_program_When_started_Then_the_failure_names_both_programs()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("codex", "exec");

        var error = Assert.Throws<UnexpectedProcessCallException>(() => runner.Start(ProcessSpec.For("claude", "exec")));

        Assert.Contains("program differs (expected \"codex\", actual \"claude\")", error.Message);
    }

    [Fact]
    public void Given_no_expectations_left_When_called_Then_it_fails_and_verify_fails_too_even_if_the_caller_swallowed_it()
    {
        var runner = new FakeProcessRunner();

        try
        {
            runner.StartDetached(ProcessSpec.For("tmux", "new-session", "-d"));
        }
        catch (UnexpectedProcessCallException)
        {
            // code under test might catch everything
        }

        var error = Assert.Throws<UnexpectedProcessCallException>(runner.VerifyAllCalled);
        Assert.Contains("no more calls were expected", error.Message);
        Assert.Contains("actual:   tmux [\"new-session\", \"-d\"]", error.Message);
    }

    [Fact]
    public async Task Given_calls_in_the_wrong_order_When_run_Then_the_first_out_of_order_call_fails()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("git", "add", "-A");
        runner.Expect("git", "commit", "-m", "x");

        await Assert.ThrowsAsync<UnexpectedProcessCallException>(
            () => runner.RunAsync(ProcessSpec.For("git", "commit", "-m", "x"), null, Patience));
    }

    [Fact]
    public async Task Given_an_expectation_never_called_When_verified_Then_it_is_listed()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("git", "--version");
        runner.Expect("tmux", "-V");
        await runner.RunAsync(ProcessSpec.For("git", "--version"), null, Patience);

        var error = Assert.Throws<UnexpectedProcessCallException>(runner.VerifyAllCalled);

        Assert.Equal("expected call never made: tmux [\"-V\"]", error.Message);
    }

    [Fact]
    public async Task Given_a_working_directory_and_stdin_expectation_When_they_differ_Then_the_call_fails()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("git", "apply").InWorkingDirectory("/repo").WithStdin("patch");

        var wrongDirectory = await Assert.ThrowsAsync<UnexpectedProcessCallException>(() => runner.RunAsync(
            ProcessSpec.For("git", "apply") with { WorkingDirectory = "/other" }, "patch", Patience));

        Assert.Contains("working directory differs (expected \"/repo\", actual \"/other\")", wrongDirectory.Message);
    }

    [Fact]
    public async Task Given_a_not_installed_expectation_When_called_Then_the_real_not_installed_error_is_thrown()
    {
        var runner = new FakeProcessRunner();
        runner.Expect("gemini", "--version").NotInstalled();
        var spec = ProcessSpec.For("gemini", "--version") with { InstallHint = "npm i -g @google/gemini-cli" };

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => runner.RunAsync(spec, null, Patience));

        Assert.Equal("gemini is not installed: npm i -g @google/gemini-cli", error.Message);
        runner.VerifyAllCalled();
    }

    [Fact]
    public async Task Given_a_started_fake_When_streamed_Then_lines_are_bytes_and_stdin_and_signals_are_recorded()
    {
        var runner = new FakeProcessRunner();
        byte[] invalid = [0xFF, (byte)'x'];
        runner.Expect("claude", "-p").Stdout("{\"type\":\"system\"}").StdoutBytes(invalid).RunsUntilSignalled(ProcessSignal.Interrupt);
        await using var process = runner.Start(ProcessSpec.For("claude", "-p") with { Stdin = StdinMode.Pipe, Grouping = ProcessGrouping.NewSession });

        await process.WriteStdinLineAsync("hello");
        process.CloseStdin();
        Assert.True(await process.SignalAsync(ProcessSignal.Interrupt, wholeGroup: true));
        var lines = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal("{\"type\":\"system\"}", Encoding.UTF8.GetString(lines[0]));
        Assert.Equal(invalid, lines[1]);
        var fake = Assert.Single(runner.Started);
        Assert.Equal(["hello"], fake.StdinLines);
        Assert.True(fake.StdinClosed);
        Assert.Equal(2, (await process.WaitForExitAsync()).Signal);
        Assert.Equal(process.Pid, process.ProcessGroupId);
    }

    [Fact]
    public async Task Given_a_delay_longer_than_the_timeout_When_run_on_a_fake_clock_Then_it_times_out_without_real_waiting()
    {
        var clock = new FakeClock();
        var runner = new FakeProcessRunner(clock);
        runner.Expect("git", "fetch").After(TimeSpan.FromMinutes(5)).Stdout("late");

        var running = runner.RunAsync(ProcessSpec.For("git", "fetch"), null, TimeSpan.FromSeconds(30));
        await clock.WhenTimerScheduledAsync().WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await running.WaitAsync(Patience);

        Assert.True(result.TimedOut);
        Assert.Equal(9, result.Status.Signal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Given_a_delay_shorter_than_the_timeout_When_the_clock_passes_it_Then_the_output_arrives()
    {
        var clock = new FakeClock();
        var runner = new FakeProcessRunner(clock);
        runner.Expect("git", "fetch").After(TimeSpan.FromSeconds(5)).Stdout("done");

        var running = runner.RunAsync(ProcessSpec.For("git", "fetch"), null, TimeSpan.FromSeconds(30));
        await clock.WhenTimerScheduledAsync().WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(5));
        var result = await running.WaitAsync(Patience);

        Assert.False(result.TimedOut);
        Assert.Equal("done\n", result.Stdout);
    }
}
