using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

public sealed class DetachedTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Given_a_detached_daemon_When_started_Then_it_lives_in_its_own_session_with_stdio_off_our_terminal()
    {
        var directory = Directory.CreateTempSubdirectory("agentdeck-detached-").FullName;
        var stdout = Path.Combine(directory, "out.log");
        var stderr = Path.Combine(directory, "err.log");
        var pid = _runner.StartDetached(ProcessSpec.For("/bin/sh", "-c", "echo to-out; echo to-err >&2; exec sleep 300"), stdout, stderr);
        try
        {
            var stat = Proc.Stat(pid);
            Assert.NotNull(stat);
            Assert.True(Proc.IsAlive(pid));
            Assert.Equal(pid, stat.Value.Session);
            Assert.Equal(pid, stat.Value.Pgrp);
            Assert.NotEqual(Proc.Stat(Proc.Self)!.Value.Session, stat.Value.Session);

            Assert.True(await Proc.EventuallyAsync(() => File.Exists(stdout) && File.ReadAllText(stdout) == "to-out\n"));
            Assert.Equal("to-err\n", File.ReadAllText(stderr));
            Assert.Equal("/dev/null", Proc.FdTarget(pid, 0));
            Assert.Equal(stdout, Proc.FdTarget(pid, 1));
            Assert.Equal(stderr, Proc.FdTarget(pid, 2));
        }
        finally
        {
            Kill(pid);
            Assert.True(await Proc.EventuallyAsync(() => Proc.Stat(pid) is null), "the daemon was not reaped");
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Given_no_output_files_When_detached_Then_stdio_all_go_to_dev_null()
    {
        var pid = _runner.StartDetached(ProcessSpec.For("sleep", "300"));
        try
        {
            Assert.True(Proc.IsAlive(pid));
            Assert.All(new[] { 0, 1, 2 }, fd => Assert.Equal("/dev/null", Proc.FdTarget(pid, fd)));
        }
        finally
        {
            Kill(pid);
            Assert.True(await Proc.EventuallyAsync(() => Proc.Stat(pid) is null), "the daemon was not reaped");
        }
    }

    [Fact]
    public void Given_an_output_directory_that_does_not_exist_When_detaching_Then_a_one_line_start_error_names_it()
    {
        var error = Assert.Throws<ProcessStartException>(
            () => _runner.StartDetached(ProcessSpec.For("sleep", "300"), "/nonexistent/agentdeck/out.log"));

        Assert.Equal("cannot start sleep: directory /nonexistent/agentdeck for its output does not exist", error.Message);
    }

    [Fact]
    public void Given_an_output_path_that_cannot_be_written_When_detaching_Then_the_shells_complaint_is_the_start_error()
    {
        var directory = Directory.CreateTempSubdirectory("agentdeck-detached-").FullName;
        try
        {
            var error = Assert.Throws<ProcessStartException>(() => _runner.StartDetached(ProcessSpec.For("sleep", "300"), directory));

            Assert.StartsWith("cannot start sleep: ", error.Message);
            Assert.Contains(directory, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    private static void Kill(int pid) => System.Diagnostics.Process.GetProcessById(pid).Kill();
}
