using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

public sealed class StartTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Given_invalid_utf8_and_a_last_line_without_newline_When_streamed_Then_lines_are_the_exact_bytes()
    {
        await using var process = _runner.Start(ProcessSpec.For("printf", "\\377\\376abc\\r\\n\\nlast"));

        var lines = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal(3, lines.Count);
        Assert.Equal(new byte[] { 0xFF, 0xFE, (byte)'a', (byte)'b', (byte)'c', (byte)'\r' }, lines[0]);
        Assert.Empty(lines[1]);
        Assert.Equal("last"u8.ToArray(), lines[2]);
        Assert.Equal(0, (await process.WaitForExitAsync()).ExitCode);
    }

    [Fact]
    public async Task Given_a_5_MB_line_When_streamed_Then_it_arrives_whole_followed_by_the_next_line()
    {
        const int size = 5 * 1024 * 1024;
        var script = $"head -c {size} /dev/zero | tr '\\0' 'a'; echo; echo tail";
        await using var process = _runner.Start(ProcessSpec.For("/bin/sh", "-c", script));

        var lines = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal(2, lines.Count);
        Assert.Equal(size, lines[0].Length);
        Assert.True(lines[0].All(b => b == (byte)'a'));
        Assert.Equal("tail", Proc.Text(lines[1]));
    }

    [Fact]
    public async Task Given_output_on_both_streams_When_streamed_Then_each_stream_has_its_own_lines()
    {
        await using var process = _runner.Start(ProcessSpec.For("/bin/sh", "-c", "echo o1; echo e1 >&2; echo o2; echo e2 >&2"));

        var stdout = Proc.ReadAllAsync(process.StdoutLines);
        var stderr = Proc.ReadAllAsync(process.StderrLines);

        Assert.Equal(["o1", "o2"], (await stdout).Select(Proc.Text));
        Assert.Equal(["e1", "e2"], (await stderr).Select(Proc.Text));
    }

    [Fact]
    public async Task Given_a_child_flooding_stderr_When_only_stdout_is_read_Then_the_child_is_not_blocked()
    {
        // 1 MB on stderr is far beyond a pipe's 64 KB buffer: without a pump the child would block before "done".
        await using var process = _runner.Start(ProcessSpec.For("/bin/sh", "-c", "head -c 1048576 /dev/zero >&2; echo done"));

        var stdout = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal(["done"], stdout.Select(Proc.Text));
    }

    [Fact]
    public async Task Given_a_stdin_pipe_When_lines_are_written_and_stdin_closed_Then_cat_echoes_them_and_exits()
    {
        await using var process = _runner.Start(ProcessSpec.For("cat") with { Stdin = StdinMode.Pipe });

        await process.WriteStdinLineAsync("{\"type\":\"user\"}");
        await process.WriteStdinLineAsync("zweite Zeile äöü");
        process.CloseStdin();
        process.CloseStdin();

        var lines = await Proc.ReadAllAsync(process.StdoutLines);
        Assert.Equal(["{\"type\":\"user\"}", "zweite Zeile äöü"], lines.Select(Proc.Text));
        Assert.Equal(0, (await process.WaitForExitAsync().WaitAsync(Generous)).ExitCode);
    }

    [Fact]
    public async Task Given_no_stdin_pipe_When_writing_Then_the_error_says_how_to_get_one()
    {
        await using var process = _runner.Start(ProcessSpec.For("cat"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => process.WriteStdinLineAsync("x"));

        Assert.Equal("stdin of cat is not a pipe: start it with Stdin = StdinMode.Pipe", error.Message);
    }

    [Fact]
    public async Task Given_a_new_session_When_started_Then_pid_equals_pgid_equals_sid_and_differs_from_ours()
    {
        await using var process = _runner.Start(ProcessSpec.For("sleep", "300") with { Grouping = ProcessGrouping.NewSession });
        try
        {
            var stat = Proc.Stat(process.Pid);

            Assert.NotNull(stat);
            Assert.Equal(process.Pid, stat.Value.Pgrp);
            Assert.Equal(process.Pid, stat.Value.Session);
            Assert.Equal(process.Pid, process.ProcessGroupId);
            Assert.True(process.OwnsProcessGroup);
            Assert.NotEqual(Proc.Stat(Proc.Self)!.Value.Session, stat.Value.Session);
            Assert.Equal(Proc.Self, stat.Value.ParentPid);
        }
        finally
        {
            await process.SignalAsync(ProcessSignal.Kill, wholeGroup: true);
            await process.WaitForExitAsync().WaitAsync(Generous);
        }
    }

    [Fact]
    public async Task Given_the_default_grouping_When_started_Then_the_child_shares_our_group_and_refuses_group_signals()
    {
        await using var process = _runner.Start(ProcessSpec.For("sleep", "300"));
        try
        {
            Assert.False(process.OwnsProcessGroup);
            Assert.Equal(Proc.Stat(Proc.Self)!.Value.Pgrp, process.ProcessGroupId);
            await Assert.ThrowsAsync<InvalidOperationException>(() => process.SignalAsync(ProcessSignal.Kill, wholeGroup: true));
        }
        finally
        {
            await process.SignalAsync(ProcessSignal.Kill, wholeGroup: false);
            await process.WaitForExitAsync().WaitAsync(Generous);
        }
    }

    [Theory]
    [InlineData(ProcessSignal.Terminate, 15)]
    [InlineData(ProcessSignal.Kill, 9)]
    [InlineData(ProcessSignal.Hangup, 1)]
    [InlineData(ProcessSignal.Interrupt, 2)]
    public async Task Given_a_running_child_When_signalled_Then_the_exit_status_names_the_signal(ProcessSignal signal, int number)
    {
        await using var process = _runner.Start(ProcessSpec.For("sleep", "300") with { Grouping = ProcessGrouping.NewSession });

        Assert.True(await process.SignalAsync(signal, wholeGroup: false));
        var status = await process.WaitForExitAsync().WaitAsync(Generous);

        Assert.Equal(number, status.Signal);
        Assert.True(process.HasExited);
        Assert.False(await process.SignalAsync(signal, wholeGroup: false));
    }

    [Fact]
    public async Task Given_an_exited_child_When_signalled_Then_nothing_receives_it()
    {
        await using var process = _runner.Start(ProcessSpec.For("true") with { Grouping = ProcessGrouping.NewSession });
        await process.WaitForExitAsync().WaitAsync(Generous);

        Assert.False(await process.SignalAsync(ProcessSignal.Terminate, wholeGroup: true));
        Assert.False(process.HasLiveGroupMembers);
    }

    [Fact]
    public async Task Given_a_tiny_line_cap_When_a_longer_line_streams_Then_it_arrives_in_capped_pieces()
    {
        var runner = new ProcessRunner(maxLineBytes: 4);
        await using var process = runner.Start(ProcessSpec.For("printf", "abcdefghij\\nxy\\n"));

        var lines = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal(["abcd", "efgh", "ij", "xy"], lines.Select(l => Encoding.ASCII.GetString(l)));
    }
}
