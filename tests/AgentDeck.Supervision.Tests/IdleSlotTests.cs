using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

/// <summary>
/// <c>[limits] max_concurrency</c> and kept-open workers: an idle worker holds no slot; steered, it takes one again,
/// and queues for it when every slot is held.
/// </summary>
public sealed class IdleSlotTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _state.Dispose();

    private static SupervisorOptions OneSlot(bool keepOpen = false) =>
        new() { KeepOpen = keepOpen, FlushInterval = TimeSpan.FromMilliseconds(10), Limits = new() { MaxConcurrency = 1 } };

    private RunRecord SupervisedRun(RunStatus status)
    {
        var run = _state.NewRun(status);
        var files = new RunFiles(_state.Paths, run.Id);
        files.EnsurePrivateDirectory();
        SupervisorRecord.ForCurrentProcess(DateTimeOffset.UtcNow).Save(files.Supervisor);
        return run;
    }

    [Fact]
    public async Task Given_the_only_slot_held_by_an_idle_kept_open_worker_When_a_run_is_supervised_Then_it_starts_without_queueing()
    {
        SupervisedRun(RunStatus.Idle);
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "done");

        var running = Supervised.Create(_state, _runner, run.Id, OneSlot()).RunAsync();
        await Eventually.TrueAsync(() => running.IsCompleted || _state.Ledger.FindRun(run.Id)!.Status == RunStatus.Queued, "run started or queued");

        Assert.NotEqual(RunStatus.Queued, _state.Ledger.FindRun(run.Id)!.Status);
        Assert.Equal(RunStatus.Succeeded, (await running).Status);
    }

    [Fact]
    public async Task Given_an_idle_kept_open_worker_and_every_slot_held_When_steered_Then_it_queues_and_the_steer_reaches_it_once_a_slot_frees()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text hi", "done").RunsUntilSignalled(ProcessSignal.Terminate);
        var supervisor = Supervised.Create(_state, _runner, run.Id, OneSlot(keepOpen: true));
        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(run.Id)!.Status == RunStatus.Idle, "run idle");
        var other = SupervisedRun(RunStatus.Running);

        var reply = await ControlClient.SendAsync(supervisor.ControlSocket, new ControlRequest(ControlRequest.Steer) { Message = "and the docs" });

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal("queued", reply.Status);
        Assert.Equal(RunStatus.Queued, _state.Ledger.FindRun(run.Id)!.Status);
        Assert.DoesNotContain("steer: and the docs", _runner.Started.Single().StdinLines);
        _state.Ledger.UpdateRun(other.Id, new RunUpdate { Status = RunStatus.Succeeded });
        await Eventually.TrueAsync(() => _runner.Started.Single().StdinLines.Contains("steer: and the docs"), "steer written once the slot freed");
        Assert.Equal(RunStatus.Running, _state.Ledger.FindRun(run.Id)!.Status);

        await ControlClient.SendAsync(supervisor.ControlSocket, new ControlRequest(ControlRequest.Stop));
        Assert.Equal(RunStatus.Stopped, (await running).Status);
    }

    [Fact]
    public async Task Given_an_idle_kept_open_worker_and_a_free_slot_When_steered_Then_the_steer_is_written_at_once()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text hi", "done").RunsUntilSignalled(ProcessSignal.Terminate);
        var supervisor = Supervised.Create(_state, _runner, run.Id, OneSlot(keepOpen: true));
        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(run.Id)!.Status == RunStatus.Idle, "run idle");

        var reply = await ControlClient.SendAsync(supervisor.ControlSocket, new ControlRequest(ControlRequest.Steer) { Message = "and the docs" });

        Assert.True(reply.Ok, reply.Error);
        Assert.Contains("steer: and the docs", _runner.Started.Single().StdinLines);
        Assert.NotEqual(RunStatus.Queued, _state.Ledger.FindRun(run.Id)!.Status);
        await ControlClient.SendAsync(supervisor.ControlSocket, new ControlRequest(ControlRequest.Stop));
        Assert.Equal(RunStatus.Stopped, (await running).Status);
    }
}
