using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

public sealed class StopTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Given_a_shell_with_background_grandchildren_When_stopped_Then_no_process_of_its_group_remains()
    {
        // A non-interactive sh ignores SIGINT in its background jobs: the interrupt ends sh, the sleeps need SIGTERM.
        await using var process = _runner.Start(
            ProcessSpec.For("/bin/sh", "-c", "sleep 300 & sleep 300 & wait") with { Grouping = ProcessGrouping.NewSession });
        Assert.True(await Proc.EventuallyAsync(() => Proc.LiveMembersOf(process.ProcessGroupId).Count == 3), "the sleeps never started");

        await ProcessStopper.StopAsync(process, Grace);

        Assert.True(process.HasExited);
        Assert.False(process.HasLiveGroupMembers);
        Assert.Empty(Proc.LiveMembersOf(process.ProcessGroupId));
    }

    [Fact]
    public async Task Given_a_child_that_exits_on_interrupt_When_stopped_Then_it_ends_by_the_interrupt()
    {
        await using var process = _runner.Start(ProcessSpec.For("sleep", "300") with { Grouping = ProcessGrouping.NewSession });

        var status = await ProcessStopper.StopAsync(process, Grace);

        Assert.Equal(2, status.Signal);
    }

    [Fact]
    public async Task Given_a_group_ignoring_interrupt_and_terminate_When_stopped_Then_it_is_killed()
    {
        // The sleep inherits the ignored dispositions, so only SIGKILL ends the group.
        await using var process = _runner.Start(
            ProcessSpec.For("/bin/sh", "-c", "trap '' INT TERM; echo ready; sleep 300; echo unreachable") with
            {
                Grouping = ProcessGrouping.NewSession,
            });
        await using var lines = process.StdoutLines.GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());

        var status = await ProcessStopper.StopAsync(process, TimeSpan.FromMilliseconds(300));

        Assert.Equal(9, status.Signal);
        Assert.Empty(Proc.LiveMembersOf(process.ProcessGroupId));
    }

    [Fact]
    public async Task Given_a_child_in_our_group_When_stopped_Then_only_the_child_is_signalled_and_it_ends()
    {
        await using var process = _runner.Start(ProcessSpec.For("sleep", "300"));

        var status = await ProcessStopper.StopAsync(process, Grace);

        Assert.Equal(2, status.Signal);
    }

    [Fact]
    public async Task Given_an_already_exited_child_When_stopped_Then_its_exit_status_is_returned_without_signals()
    {
        await using var process = _runner.Start(ProcessSpec.For("/bin/sh", "-c", "exit 7") with { Grouping = ProcessGrouping.NewSession });
        await process.WaitForExitAsync();

        var status = await ProcessStopper.StopAsync(process, Grace);

        Assert.Equal(7, status.ExitCode);
    }

    [Fact]
    public async Task Given_processes_run_stopped_and_killed_When_all_are_done_Then_the_test_host_has_no_zombie_children()
    {
        await _runner.RunAsync(ProcessSpec.For("true"), null, TimeSpan.FromMinutes(1));
        await _runner.RunAsync(ProcessSpec.For("sleep", "300"), null, TimeSpan.FromMilliseconds(100));
        await using (var grouped = _runner.Start(
            ProcessSpec.For("/bin/sh", "-c", "sleep 300 & wait") with { Grouping = ProcessGrouping.NewSession }))
        {
            await ProcessStopper.StopAsync(grouped, Grace);
        }

        var detached = _runner.StartDetached(ProcessSpec.For("sleep", "300"));
        Assert.True(new[] { detached }.All(Proc.IsAlive));
        await using (var killer = _runner.Start(ProcessSpec.For("kill", "-KILL", detached.ToString())))
        {
            await killer.WaitForExitAsync();
        }

        Assert.True(await Proc.EventuallyAsync(() => Proc.Stat(detached) is null), $"detached pid {detached} left behind: {Proc.Stat(detached)}");
        Assert.True(await Proc.EventuallyAsync(() => Proc.ZombieChildrenOfSelf().Count == 0),
            $"zombie children: {string.Join(", ", Proc.ZombieChildrenOfSelf())}");
    }
}
