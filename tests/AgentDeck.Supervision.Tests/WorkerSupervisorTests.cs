using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

public sealed class WorkerSupervisorTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_agent_output_When_supervised_Then_events_status_and_stdin_follow_the_protocol()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "tool c1", "perm p1", "text hello", "done").Stderr("a warning");

        var final = await Supervised.Create(_state, _runner, run.Id).RunAsync();

        _runner.VerifyAllCalled();
        var process = _runner.Started.Single();
        Assert.Equal(["go", "allow p1"], process.StdinLines);
        Assert.True(process.StdinClosed);
        Assert.Equal(ProcessGrouping.NewSession, process.Spec.Grouping);
        Assert.Equal(RunStatus.Succeeded, final.Status);
        Assert.Equal("final", final.FinalText);
        var kinds = _state.Ledger.ReadEvents(run.Id, 1, 100).Select(e => e.Kind).ToList();
        Assert.Equal([EventKinds.TurnStarted, EventKinds.ToolCallStarted, EventKinds.PermissionRequested, EventKinds.AssistantText, EventKinds.TurnCompleted], kinds.Take(5));
        Assert.Contains("a warning", File.ReadAllText(_state.Paths.StderrLog(run.Id)));
        Assert.Equal(Environment.ProcessId, final.Pid);
        Assert.Equal(process.Pid, final.AgentPid);
        var identity = SupervisorRecord.TryLoad(new RunFiles(_state.Paths, run.Id).Supervisor);
        Assert.Equal(process.Pid, identity!.AgentPid);
        Assert.True(identity.IsAlive);
    }

    [Fact]
    public async Task Given_keep_open_When_the_turn_ends_Then_stdin_stays_open_and_the_run_is_idle()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text hi", "done").RunsUntilSignalled(ProcessSignal.Terminate);
        var supervisor = Supervised.Create(_state, _runner, run.Id, new SupervisorOptions { KeepOpen = true, FlushInterval = TimeSpan.FromMilliseconds(10) });

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(run.Id)!.Status == RunStatus.Idle, "run idle in the ledger");

        Assert.False(_runner.Started.Single().StdinClosed);
        var reply = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop));
        Assert.True(reply.Ok);
        Assert.Equal(RunStatus.Stopped, (await running).Status);
    }

    [Fact]
    public async Task Given_garbage_and_exit_zero_When_supervised_Then_the_run_failed_and_raw_output_is_kept()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("%%% not the protocol").Stderr("boom");

        var final = await Supervised.Create(_state, _runner, run.Id).RunAsync();

        Assert.Equal(RunStatus.Failed, final.Status);
        Assert.Equal(FailureReasons.Crash, final.FailureReason);
        Assert.Equal("%%% not the protocol\n", File.ReadAllText(_state.Paths.StdoutLog(run.Id)));
        Assert.Equal("boom\n", File.ReadAllText(_state.Paths.StderrLog(run.Id)));
    }

    [Fact]
    public async Task Given_an_agent_that_exits_at_once_with_an_error_When_supervised_Then_failed_with_its_exit_code()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stderr("bad flag").ExitsWith(3);

        var final = await Supervised.Create(_state, _runner, run.Id).RunAsync();

        Assert.Equal((RunStatus.Failed, 3), (final.Status, final.ExitCode));
    }

    [Fact]
    public async Task Given_a_missing_agent_CLI_When_supervised_Then_failed_config_with_the_install_message()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().NotInstalled();
        var supervisor = Supervised.Create(_state, _runner, run.Id);

        var final = await supervisor.RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Config), (final.Status, final.FailureReason));
        Assert.Contains("agent is not installed", supervisor.StartError);
        Assert.Contains("not installed", File.ReadAllText(_state.Paths.StderrLog(run.Id)));
    }

    [Fact]
    public async Task Given_a_running_worker_When_steered_and_stopped_over_the_socket_Then_stdin_gets_both_and_the_group_is_terminated()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text working").RunsUntilSignalled(ProcessSignal.Terminate);
        var supervisor = Supervised.Create(_state, _runner, run.Id);

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _runner.Started.Count == 1 && _runner.Started[0].StdinLines.Count == 1, "agent started");
        var steer = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Steer) { Message = "use tabs" });
        var stop = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop));
        var final = await running;

        Assert.True(steer.Ok, steer.Error);
        Assert.True(stop.Ok, stop.Error);
        var process = _runner.Started[0];
        Assert.Equal(["go", "steer: use tabs", "interrupt"], process.StdinLines);
        Assert.True(process.StdinClosed);
        Assert.Equal([(ProcessSignal.Terminate, true)], process.Signals);
        Assert.Equal(RunStatus.Stopped, final.Status);
        Assert.False(File.Exists(supervisor.ControlSocket));
    }

    [Fact]
    public async Task Given_a_worker_retrying_its_api_call_When_pinged_Then_the_phase_says_retrying_with_the_failure_and_attempt()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "retry 1", "retry 2", "retry 3", "retry 4").RunsUntilSignalled(ProcessSignal.Terminate);
        var supervisor = Supervised.Create(_state, _runner, run.Id);

        var running = supervisor.RunAsync();
        await supervisor.Ready;
        Control.ControlReply? ping = null;
        await Eventually.TrueAsync(async () =>
        {
            ping = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Ping));
            return ping.Phase?.Contains("attempt 4", StringComparison.Ordinal) == true;
        }, "the fourth attempt in the ping");
        await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop));
        await running;

        Assert.Equal(("running", "retrying: API 401, attempt 4 of 10"), (ping!.Status, ping.Phase));
    }

    [Theory]
    [InlineData("tui", "tui")]
    [InlineData("cli", "cli")]
    [InlineData(null, "unknown")]
    public async Task Given_a_running_worker_When_steered_Then_the_message_and_its_sender_are_recorded_in_the_run(string? from, string recorded)
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text working").RunsUntilSignalled(ProcessSignal.Terminate);
        var supervisor = Supervised.Create(_state, _runner, run.Id);

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _runner.Started.Count == 1 && _runner.Started[0].StdinLines.Count == 1, "agent started");
        var steer = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Steer) { Message = "use tabs", From = from });
        await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop));
        await running;

        Assert.True(steer.Ok, steer.Error);
        var stored = Assert.Single(_state.Ledger.ReadEvents(run.Id, 1, 100), e => e.Kind == EventKinds.Steer);
        Assert.Equal(new SteerSent("use tabs", recorded), stored.ToEvent());
        Assert.InRange(stored.Time, run.StartedAt, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Given_a_worker_that_cannot_be_steered_mid_run_When_steered_Then_nothing_is_recorded()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Interrupt);
        var supervisor = Supervised.Create(_state, _runner, run.Id, driver: new FakeDriver(Supervised.AgentSpec, live: false));

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _runner.Started.Count == 1, "agent started");
        var steer = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Steer) { Message = "x", From = "cli" });
        await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Interrupt));
        await running;

        Assert.False(steer.Ok);
        Assert.DoesNotContain(_state.Ledger.ReadEvents(run.Id, 1, 100), e => e.Kind == EventKinds.Steer);
    }

    [Fact]
    public async Task Given_a_force_stop_When_requested_Then_the_group_is_killed_at_once()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Kill);
        var supervisor = Supervised.Create(_state, _runner, run.Id);

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _runner.Started.Count == 1, "agent started");
        await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop) { Force = true });

        Assert.Equal(RunStatus.Stopped, (await running).Status);
        Assert.Equal([(ProcessSignal.Kill, true)], _runner.Started[0].Signals);
    }

    [Fact]
    public async Task Given_a_driver_without_protocol_interrupt_When_interrupted_Then_sigint_goes_to_the_group_and_the_run_is_interrupted()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Interrupt);
        var supervisor = Supervised.Create(_state, _runner, run.Id, driver: new FakeDriver(Supervised.AgentSpec, live: false));

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => _runner.Started.Count == 1, "agent started");
        var steer = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Steer) { Message = "x" });
        var interrupt = await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Interrupt));

        Assert.False(steer.Ok);
        Assert.Contains("agentdeck resume", steer.Error);
        Assert.True(interrupt.Ok);
        var final = await running;
        Assert.Equal((RunStatus.Interrupted, FailureReasons.Aborted), (final.Status, final.FailureReason));
        Assert.Equal([(ProcessSignal.Interrupt, true)], _runner.Started[0].Signals);
    }

    [Fact]
    public async Task Given_a_timeout_When_the_agent_runs_on_Then_it_is_stopped_and_failed_with_reason_timeout()
    {
        var clock = new FakeClock();
        var runner = new FakeProcessRunner(clock);
        var run = _state.NewRun();
        runner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Interrupt);
        var options = new SupervisorOptions { Clock = clock, Limits = new() { RunTimeout = TimeSpan.FromMinutes(10) } };
        var supervisor = Supervised.Create(_state, runner, run.Id, options, new FakeDriver(Supervised.AgentSpec, live: false));

        var running = supervisor.RunAsync();
        await clock.WhenTimerScheduledAsync();
        await Eventually.TrueAsync(() => runner.Started.Count == 1, "agent started");
        clock.Advance(TimeSpan.FromMinutes(10));
        var final = await running;

        Assert.Equal((RunStatus.Failed, FailureReasons.Timeout), (final.Status, final.FailureReason));
        Assert.Contains(_state.Ledger.ReadLastEvents(run.Id, 1), e => e.Kind == EventKinds.Notice && e.Payload.Contains("timeout"));
    }

    [Fact]
    public async Task Given_an_output_cap_When_crossed_Then_failed_with_output_cap()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", new string('x', 200)).RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { MaxOutputBytes = 100 } };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.OutputCap), (final.Status, final.FailureReason));
    }

    [Fact]
    public async Task Given_a_run_budget_When_the_cost_crosses_it_Then_the_worker_is_stopped_and_the_run_fails_for_budget()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "cost 0.30", "cost 0.30").RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { RunBudgetUsd = 0.5m } };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        Assert.Equal(0.60m, final.CostUsd);
    }

    [Fact]
    public async Task Given_todays_spend_over_the_global_budget_When_a_worker_would_start_Then_nothing_is_spawned()
    {
        var earlier = _state.NewRun();
        _state.Ledger.AppendEvents(earlier.Id, [new EventToAppend(new CostReported(9m, 9m), RunStream.Stdout, 1, DateTimeOffset.UtcNow)],
            new RunAggregates { Status = RunStatus.Succeeded, CostUsd = 9m });
        var run = _state.NewRun();
        var options = new SupervisorOptions { Limits = new() { GlobalBudgetUsd = 5m } };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public async Task Given_todays_spend_near_the_global_budget_When_the_worker_crosses_it_Then_a_warning_is_recorded_and_the_worker_interrupted()
    {
        var earlier = _state.NewRun();
        _state.Ledger.AppendEvents(earlier.Id, [], new RunAggregates { Status = RunStatus.Succeeded, CostUsd = 4.5m });
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "cost 0.60").RunsUntilSignalled(ProcessSignal.Terminate);
        var options = new SupervisorOptions { Limits = new() { GlobalBudgetUsd = 5m } };

        var final = await Supervised.Create(_state, _runner, run.Id, options).RunAsync();

        Assert.Equal((RunStatus.Failed, FailureReasons.Budget), (final.Status, final.FailureReason));
        var notices = _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.Kind == EventKinds.Notice).Select(e => e.Payload).ToList();
        Assert.Contains(notices, n => n.Contains("past 80") && n.Contains("warning"));
        Assert.Contains(notices, n => n.Contains("global USD budget"));
    }

    [Fact]
    public async Task Given_no_free_slot_When_supervised_Then_queued_until_the_other_run_ends()
    {
        var other = _state.NewRun(RunStatus.Running);
        SupervisorRecord.ForCurrentProcess(DateTimeOffset.UtcNow).Save(Prepared(other.Id).Supervisor);
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "done");
        var options = new SupervisorOptions { Limits = new() { MaxConcurrency = 1 } };

        var running = Supervised.Create(_state, _runner, run.Id, options).RunAsync();
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(run.Id)!.Status == RunStatus.Queued, "run queued");
        Assert.Empty(_runner.Calls);
        _state.Ledger.UpdateRun(other.Id, new RunUpdate { Status = RunStatus.Succeeded });

        Assert.Equal(RunStatus.Succeeded, (await running).Status);
    }

    [Fact]
    public async Task Given_a_slot_held_by_a_dead_supervisor_When_supervised_Then_it_is_not_waited_for()
    {
        var other = _state.NewRun(RunStatus.Running);
        new SupervisorRecord(int.MaxValue - 1, 1, DateTimeOffset.UtcNow).Save(Prepared(other.Id).Supervisor);
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "done");

        var final = await Supervised.Create(_state, _runner, run.Id, new SupervisorOptions { Limits = new() { MaxConcurrency = 1 } }).RunAsync();

        Assert.Equal(RunStatus.Succeeded, final.Status);
    }

    private RunFiles Prepared(string runId)
    {
        var files = new RunFiles(_state.Paths, runId);
        files.EnsurePrivateDirectory();
        return files;
    }
}
