using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

/// <summary>A grandchild in another session keeps our output pipes open after the child exits; nothing may hang on it.</summary>
public sealed class EscapedGrandchildTests
{
    private const string Escape = "setsid sleep 300 & echo $!";
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Given_an_escaped_grandchild_holding_stdout_When_run_Then_the_result_comes_at_the_deadline_untimed_out()
    {
        var result = await _runner.RunAsync(ProcessSpec.For("/bin/sh", "-c", Escape), null, TimeSpan.FromSeconds(1));
        var grandchild = int.Parse(result.Stdout.Trim());
        try
        {
            Assert.False(result.TimedOut);
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(grandchild).Kill();
        }
    }

    [Fact]
    public async Task Given_an_escaped_grandchild_holding_stdout_When_the_process_is_disposed_Then_disposal_does_not_wait_for_it()
    {
        var process = _runner.Start(ProcessSpec.For("/bin/sh", "-c", Escape));
        await using var lines = process.StdoutLines.GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());
        var grandchild = int.Parse(Proc.Text(lines.Current.ToArray()));
        try
        {
            await process.WaitForExitAsync().WaitAsync(Proc.Patience);

            await process.DisposeAsync().AsTask().WaitAsync(Proc.Patience);

            Assert.False(await lines.MoveNextAsync().AsTask().WaitAsync(Proc.Patience));
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(grandchild).Kill();
        }
    }
}
