using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

/// <summary>A runner whose pipe reads wait for a pace between small reads (the supervisor host's ingest tick).</summary>
public sealed class PacedRunnerTests
{
    private int _paces;

    private ProcessRunner Runner() => new(async cancellationToken =>
    {
        Interlocked.Increment(ref _paces);
        await Task.Delay(5, cancellationToken);
    });

    [Fact]
    public async Task Given_a_child_printing_a_line_at_a_time_When_read_paced_Then_every_line_of_both_streams_arrives_in_order_through_polled_pipes()
    {
        var script = "for i in 1 2 3 4 5 6 7 8 9 10; do echo out$i; echo err$i >&2; sleep 0.01; done";
        await using var process = Runner().Start(ProcessSpec.For("/bin/sh", "-c", script));

        var stdout = Proc.ReadAllAsync(process.StdoutLines);
        var stderr = Proc.ReadAllAsync(process.StderrLines);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"out{i}"), (await stdout).Select(Proc.Text));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"err{i}"), (await stderr).Select(Proc.Text));
        Assert.True(((RunningProcess)process).ReadsPolled);
        Assert.True(_paces > 0);
    }

    [Fact]
    public async Task Given_a_child_silent_for_a_while_When_read_paced_Then_its_late_line_still_arrives()
    {
        await using var process = Runner().Start(ProcessSpec.For("/bin/sh", "-c", "sleep 0.3; echo late"));

        var lines = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal(["late"], lines.Select(Proc.Text));
        Assert.Equal(0, (await process.WaitForExitAsync()).ExitCode);
    }

    [Fact]
    public async Task Given_a_5_MB_line_When_read_paced_Then_it_arrives_whole()
    {
        const int size = 5 * 1024 * 1024;
        await using var process = Runner().Start(ProcessSpec.For("/bin/sh", "-c", $"head -c {size} /dev/zero | tr '\\0' 'a'; echo; echo tail"));

        var lines = await Proc.ReadAllAsync(process.StdoutLines);

        Assert.Equal(2, lines.Count);
        Assert.Equal(size, lines[0].Length);
        Assert.Equal("tail", Proc.Text(lines[1]));
    }

    [Fact]
    public async Task Given_an_idle_child_waited_on_When_the_process_is_disposed_Then_disposal_ends_and_the_child_lives_on()
    {
        var process = Runner().Start(ProcessSpec.For("sleep", "30") with { Grouping = ProcessGrouping.NewSession });
        try
        {
            var reading = Proc.ReadAllAsync(process.StdoutLines);
            await Task.Delay(100);

            await process.DisposeAsync().AsTask().WaitAsync(Proc.Patience);

            Assert.Empty(await reading.WaitAsync(Proc.Patience));
            Assert.True(Proc.IsAlive(process.Pid));
        }
        finally
        {
            Posix.Send(process.Pid, ProcessSignal.Kill, group: false);
        }
    }
}
