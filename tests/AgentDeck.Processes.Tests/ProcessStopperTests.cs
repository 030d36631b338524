using AgentDeck.Core.Processes;
using AgentDeck.TestSupport;

namespace AgentDeck.Processes.Tests;

/// <summary>The stop sequence against scripted fake processes on a fake clock: no real time passes.</summary>
public sealed class ProcessStopperTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeClock _clock = new();
    private readonly FakeProcessRunner _runner;

    public ProcessStopperTests() => _runner = new FakeProcessRunner(_clock);

    private static ProcessSpec Worker => ProcessSpec.For("claude", "-p") with { Grouping = ProcessGrouping.NewSession };

    [Fact]
    public async Task Given_a_worker_that_honours_interrupt_When_stopped_Then_only_the_group_interrupt_is_sent()
    {
        _runner.Expect("claude", "-p").RunsUntilSignalled(ProcessSignal.Interrupt);
        var process = (FakeRunningProcess)_runner.Start(Worker);

        var status = await ProcessStopper.StopAsync(process, Grace, _clock).WaitAsync(Patience);

        Assert.Equal(ProcessExitStatus.KilledBy(ProcessSignal.Interrupt), status);
        Assert.Equal([(ProcessSignal.Interrupt, true)], process.Signals);
    }

    [Fact]
    public async Task Given_a_worker_ignoring_interrupt_When_the_grace_passes_Then_the_group_gets_SIGTERM()
    {
        _runner.Expect("claude", "-p").RunsUntilSignalled(ProcessSignal.Terminate);
        var process = (FakeRunningProcess)_runner.Start(Worker);

        var stopping = ProcessStopper.StopAsync(process, Grace, _clock);
        await _clock.WhenTimerScheduledAsync().WaitAsync(Patience);
        Assert.Equal([(ProcessSignal.Interrupt, true)], process.Signals);
        _clock.Advance(Grace);
        var status = await stopping.WaitAsync(Patience);

        Assert.Equal(ProcessExitStatus.KilledBy(ProcessSignal.Terminate), status);
        Assert.Equal([(ProcessSignal.Interrupt, true), (ProcessSignal.Terminate, true)], process.Signals);
    }

    [Fact]
    public async Task Given_a_worker_ignoring_interrupt_and_SIGTERM_When_both_graces_pass_Then_the_group_is_killed()
    {
        _runner.Expect("claude", "-p").RunsUntilSignalled(ProcessSignal.Kill);
        var process = (FakeRunningProcess)_runner.Start(Worker);

        var stopping = ProcessStopper.StopAsync(process, Grace, _clock);
        await _clock.WhenTimerScheduledAsync().WaitAsync(Patience);
        _clock.Advance(Grace);
        await EventuallySignalled(process, 2);
        await _clock.WhenTimerScheduledAsync().WaitAsync(Patience);
        _clock.Advance(Grace);
        var status = await stopping.WaitAsync(Patience);

        Assert.Equal(ProcessExitStatus.KilledBy(ProcessSignal.Kill), status);
        Assert.Equal([ProcessSignal.Interrupt, ProcessSignal.Terminate, ProcessSignal.Kill], process.Signals.Select(s => s.Signal));
        Assert.All(process.Signals, s => Assert.True(s.WholeGroup));
    }

    [Fact]
    public async Task Given_a_grace_not_yet_over_When_waiting_Then_no_escalation_happens()
    {
        _runner.Expect("claude", "-p").RunsUntilSignalled(ProcessSignal.Terminate);
        var process = (FakeRunningProcess)_runner.Start(Worker);

        var stopping = ProcessStopper.StopAsync(process, Grace, _clock);
        await _clock.WhenTimerScheduledAsync().WaitAsync(Patience);
        _clock.Advance(Grace - TimeSpan.FromTicks(1));

        Assert.False(stopping.IsCompleted);
        Assert.Equal([(ProcessSignal.Interrupt, true)], process.Signals);
        _clock.Advance(TimeSpan.FromTicks(1));
        await stopping.WaitAsync(Patience);
    }

    [Fact]
    public async Task Given_a_child_sharing_our_group_When_stopped_Then_signals_go_to_the_child_alone()
    {
        _runner.Expect("git", "fetch").RunsUntilSignalled(ProcessSignal.Interrupt);
        var process = (FakeRunningProcess)_runner.Start(ProcessSpec.For("git", "fetch"));

        await ProcessStopper.StopAsync(process, Grace, _clock).WaitAsync(Patience);

        Assert.Equal([(ProcessSignal.Interrupt, false)], process.Signals);
    }

    private static async Task EventuallySignalled(FakeRunningProcess process, int count)
    {
        Assert.True(await Proc.EventuallyAsync(() => process.Signals.Count >= count), $"only {process.Signals.Count} signals");
    }
}
