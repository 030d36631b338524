using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

/// <summary>
/// The host's adopt path with fake agents: a worker some front end started already is supervised like a started one,
/// through a runner whose one start hands it out; a refusal leaves it alone; one never started is killed.
/// </summary>
public sealed class HostAdoptionTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _frontEnd = new();
    private readonly FakeProcessRunner _hostRunner = new();
    private readonly Lock _ledgerLock = new();
    private readonly List<RunRecord> _ended = [];

    public void Dispose() => _state.Dispose();

    private HostFiles Files => new(_state.Paths);

    [Fact]
    public async Task Given_a_worker_a_front_end_started_When_the_host_adopts_it_Then_its_output_is_recorded_and_the_run_succeeds_without_a_second_start()
    {
        var run = _state.NewRun();
        _frontEnd.ExpectAgent().Stdout("turn", "text hello", "done");
        var worker = _frontEnd.Start(Supervised.AgentSpec);
        var host = CreateHost();
        var serving = host.RunAsync();

        var reply = await host.AdoptAsync(Adopt(run.Id, worker.Pid), worker);

        Assert.True(reply.Ok, reply.Error);
        await serving;
        Assert.Equal(RunStatus.Succeeded, _state.Ledger.FindRun(run.Id)!.Status);
        Assert.Equal([run.Id], _ended.Select(r => r.Id));
        Assert.Empty(_hostRunner.Calls);
        Assert.True(_state.Ledger.CountEvents(run.Id) > 0);
    }

    [Fact]
    public async Task Given_a_worker_whose_first_lines_the_front_end_recorded_When_adopted_Then_each_line_is_recorded_once_and_the_figures_count_them_all()
    {
        var run = _state.NewRun();
        string[] lines = ["turn", "tool t1", "text hello", "cost 0.5", "tool t2", "text bye", "done"];
        const int Recorded = 3;
        using (var frontEnd = new AgentDeck.Ledger.RunRecorder(_state.Ledger, run.Id, new WordParser(), _state.Paths))
        {
            foreach (var line in lines.Take(Recorded))
            {
                frontEnd.AddStdoutLine(System.Text.Encoding.UTF8.GetBytes(line));
            }
        }

        _frontEnd.ExpectAgent().Stdout(lines);
        var worker = _frontEnd.Start(Supervised.AgentSpec);
        var host = CreateHost();
        var serving = host.RunAsync();

        var reply = await host.AdoptAsync(Adopt(run.Id, worker.Pid) with { FirstLinesRecorded = true }, worker);

        Assert.True(reply.Ok, reply.Error);
        await serving;
        var final = _state.Ledger.FindRun(run.Id)!;
        var events = _state.Ledger.ReadEvents(run.Id, 1, 100);
        Assert.Equal(string.Concat(lines.Select(l => l + "\n")), File.ReadAllText(_state.Paths.StdoutLog(run.Id)));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(i => (long)i), events.Where(e => e.LineNo > 0).Select(e => e.LineNo));
        Assert.Equal(RunStatus.Succeeded, final.Status);
        Assert.Equal(2, final.ToolCalls);
        Assert.Equal(0.5m, final.CostUsd);
    }

    [Fact]
    public async Task Given_a_raw_log_that_differs_from_the_pipe_When_adopted_Then_from_the_first_difference_every_line_of_the_pipe_is_recorded()
    {
        var run = _state.NewRun();
        using (var frontEnd = new AgentDeck.Ledger.RunRecorder(_state.Ledger, run.Id, new WordParser(), _state.Paths))
        {
            frontEnd.AddStdoutLine("turn"u8);
            frontEnd.AddStdoutLine("text hello"u8);
        }

        _frontEnd.ExpectAgent().Stdout("turn", "text HELLO", "done");
        var worker = _frontEnd.Start(Supervised.AgentSpec);
        var host = CreateHost();
        var serving = host.RunAsync();

        var reply = await host.AdoptAsync(Adopt(run.Id, worker.Pid) with { FirstLinesRecorded = true }, worker);

        Assert.True(reply.Ok, reply.Error);
        await serving;
        Assert.Equal("turn\ntext hello\ntext HELLO\ndone\n", File.ReadAllText(_state.Paths.StdoutLog(run.Id)));
        Assert.Equal([1L, 2L, 3L, 4L], _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.LineNo > 0).Select(e => e.LineNo));
    }

    [Fact]
    public async Task Given_a_front_end_that_died_between_logging_a_line_and_committing_it_When_adopted_Then_the_host_records_that_line_once()
    {
        var run = _state.NewRun();
        using (var frontEnd = new AgentDeck.Ledger.RunRecorder(_state.Ledger, run.Id, new WordParser(), _state.Paths))
        {
            frontEnd.AddStdoutLine("turn"u8);
        }

        File.AppendAllText(_state.Paths.StdoutLog(run.Id), "text hello\n");
        _frontEnd.ExpectAgent().Stdout("turn", "text hello", "done");
        var worker = _frontEnd.Start(Supervised.AgentSpec);
        var host = CreateHost();
        var serving = host.RunAsync();

        var reply = await host.AdoptAsync(Adopt(run.Id, worker.Pid) with { FirstLinesRecorded = true }, worker);

        Assert.True(reply.Ok, reply.Error);
        await serving;
        Assert.Equal("turn\ntext hello\ndone\n", File.ReadAllText(_state.Paths.StdoutLog(run.Id)));
        Assert.Equal([1L, 2L, 3L], _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.LineNo > 0).Select(e => e.LineNo));
    }

    [Fact]
    public async Task Given_a_front_end_still_recording_When_the_host_adopts_its_worker_Then_the_host_records_nothing_until_the_front_end_lets_go()
    {
        var run = _state.NewRun();
        var files = new RunFiles(_state.Paths, run.Id);
        files.EnsurePrivateDirectory();
        var held = FirstLinesLock.TryHold(files)!;
        _frontEnd.ExpectAgent().Stdout("turn", "text hello", "done");
        var worker = _frontEnd.Start(Supervised.AgentSpec);
        var host = CreateHost();
        var serving = host.RunAsync();

        var reply = await host.AdoptAsync(Adopt(run.Id, worker.Pid) with { FirstLinesRecorded = true }, worker);
        using (var frontEnd = new AgentDeck.Ledger.RunRecorder(_state.Ledger, run.Id, new WordParser(), _state.Paths))
        {
            frontEnd.AddStdoutLine("turn"u8);
        }

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(1, _state.Ledger.CountEvents(run.Id));
        held.Dispose();
        await serving;
        Assert.Equal("turn\ntext hello\ndone\n", File.ReadAllText(_state.Paths.StdoutLog(run.Id)));
        Assert.Equal([1L, 2L, 3L], _state.Ledger.ReadEvents(run.Id, 1, 100).Where(e => e.LineNo > 0).Select(e => e.LineNo));
        Assert.Equal(RunStatus.Succeeded, _state.Ledger.FindRun(run.Id)!.Status);
    }

    [Fact]
    public async Task Given_a_run_the_host_supervises_already_When_a_worker_for_it_is_handed_over_Then_the_host_refuses_and_leaves_that_worker_alone()
    {
        var run = _state.NewRun();
        _hostRunner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Terminate);
        _frontEnd.ExpectAgent().Stdout("turn").RunsUntilSignalled();
        var duplicate = (FakeRunningProcess)_frontEnd.Start(Supervised.AgentSpec);
        var host = CreateHost(keepOpen: true, idleGrace: 60);
        using var stopping = new CancellationTokenSource();
        var serving = host.RunAsync(stopping.Token);
        await Eventually.TrueAsync(() => File.Exists(Files.ControlSocket), "the host socket exists");
        Assert.True((await ControlClient.SendAsync(Files.ControlSocket, new ControlRequest(ControlRequest.Start) { Run = run.Id, KeepOpen = true })).Ok);

        var reply = await host.AdoptAsync(Adopt(run.Id, duplicate.Pid), duplicate);

        Assert.False(reply.Ok);
        Assert.Contains("supervised already", reply.Error);
        Assert.Empty(duplicate.Signals);
        await stopping.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task Given_a_host_asked_to_end_When_an_adopted_worker_was_never_started_by_its_supervision_Then_the_host_kills_its_group()
    {
        var blocker = _state.NewRun();
        _hostRunner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Terminate);
        _frontEnd.ExpectAgent().Stdout("turn").RunsUntilSignalled();
        var waiting = (FakeRunningProcess)_frontEnd.Start(Supervised.AgentSpec with { Grouping = ProcessGrouping.NewSession });
        var host = CreateHost(keepOpen: true, maxConcurrency: 1, idleGrace: 60);
        using var stopping = new CancellationTokenSource();
        var serving = host.RunAsync(stopping.Token);
        await Eventually.TrueAsync(() => File.Exists(Files.ControlSocket), "the host socket exists");
        Assert.True((await ControlClient.SendAsync(Files.ControlSocket, new ControlRequest(ControlRequest.Start) { Run = blocker.Id, KeepOpen = true })).Ok);
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(blocker.Id)!.Status is RunStatus.Running or RunStatus.Waiting or RunStatus.Idle, "the first run holds the slot");
        var queued = _state.NewRun();

        Assert.True((await host.AdoptAsync(Adopt(queued.Id, waiting.Pid), waiting)).Ok);
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(queued.Id)!.Status == RunStatus.Queued, "the adopted run waits for a slot");
        await stopping.CancelAsync();
        await serving;

        Assert.Contains((ProcessSignal.Kill, true), waiting.Signals);
        Assert.True(waiting.HasExited);
    }

    [Fact]
    public async Task Given_a_handed_over_runner_When_started_twice_Then_the_first_start_is_the_worker_and_the_second_refuses()
    {
        _frontEnd.ExpectAgent().Stdout("done");
        var worker = _frontEnd.Start(Supervised.AgentSpec);
        _hostRunner.Expect("git", "--version").Stdout("git version 2");
        var runner = new HandedOverRunner(_hostRunner, worker);

        Assert.Same(worker, runner.Start(Supervised.AgentSpec));
        Assert.Throws<InvalidOperationException>(() => runner.Start(Supervised.AgentSpec));
        Assert.StartsWith("git version 2", (await runner.RunAsync(ProcessSpec.For("git", "--version"), null, TimeSpan.FromSeconds(5))).Stdout);
    }

    private static ControlRequest Adopt(string runId, int pid) =>
        new(ControlRequest.Adopt) { Run = runId, Pid = pid, StartTicks = 1 };

    /// <param name="idleGrace">Long for tests that end the host themselves, so it never closes under them.</param>
    private SupervisorHost CreateHost(bool keepOpen = false, int maxConcurrency = 8, double idleGrace = 1)
    {
        WorkerSupervisor Build(ControlRequest request, IProcessRunner runner) =>
            new(_state.Ledger, _state.Paths, runner, new FakeDriver(Supervised.AgentSpec), new WordParser(), request.Run!,
                new SupervisorOptions
                {
                    KeepOpen = request.KeepOpen || keepOpen,
                    LedgerLock = _ledgerLock,
                    StopGrace = TimeSpan.FromMilliseconds(100),
                    PollInterval = TimeSpan.FromMilliseconds(50),
                    Limits = new SupervisorOptions().Limits with { MaxConcurrency = maxConcurrency },
                    ReplayRecordedStdout = request.FirstLinesRecorded,
                    BeforeRecording = request.FirstLinesRecorded ? token => FirstLinesLock.WaitUntilFreeAsync(new RunFiles(_state.Paths, request.Run!), token) : null,
                });

        return new SupervisorHost(Files, _state.Ledger, _ledgerLock, request => Build(request, _hostRunner),
            new HostOptions
            {
                IdleGrace = TimeSpan.FromSeconds(idleGrace),
                OnRunEnded = (record, _) =>
                {
                    lock (_ended)
                    {
                        _ended.Add(record);
                    }

                    return Task.CompletedTask;
                },
            },
            (request, process) => Build(request, new HandedOverRunner(_hostRunner, process)));
    }
}
