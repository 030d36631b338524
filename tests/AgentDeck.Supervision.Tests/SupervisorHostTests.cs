using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

/// <summary>The supervisor host over its real socket, with fake agents (FakeProcessRunner) and the word protocol.</summary>
public sealed class SupervisorHostTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly Lock _ledgerLock = new();
    private readonly List<RunRecord> _ended = [];
    private readonly List<string> _log = [];

    public void Dispose() => _state.Dispose();

    private HostFiles Files => new(_state.Paths);

    [Fact]
    public async Task Given_a_host_When_asked_over_its_socket_to_start_a_run_Then_it_supervises_the_worker_to_its_end()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text hello", "done");
        var host = CreateHost();
        var serving = host.RunAsync();

        var reply = await StartAsync(run.Id);

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(Environment.ProcessId, reply.Pid);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Files.ControlSocket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Files.Directory));
        await serving;
        Assert.Equal(RunStatus.Succeeded, _state.Ledger.FindRun(run.Id)!.Status);
        Assert.Equal([run.Id], _ended.Select(r => r.Id));
        Assert.False(File.Exists(Files.ControlSocket));
    }

    [Fact]
    public async Task Given_a_started_run_When_its_own_socket_is_asked_Then_the_worker_answers_there_while_the_host_serves_it()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text hi", "done").RunsUntilSignalled(ProcessSignal.Terminate);
        var host = CreateHost(keepOpen: true);
        var serving = host.RunAsync();

        Assert.True((await StartAsync(run.Id, keepOpen: true)).Ok);
        var socket = new RunFiles(_state.Paths, run.Id).ControlSocket;
        var ping = await ControlClient.SendAsync(socket, new ControlRequest(ControlRequest.Ping));
        var hostPing = await ControlClient.SendAsync(Files.ControlSocket, new ControlRequest(ControlRequest.Ping));
        var stop = await ControlClient.SendAsync(socket, new ControlRequest(ControlRequest.Stop));

        Assert.True(ping.Ok, ping.Error);
        Assert.Equal((SupervisorHost.Serving, 1), (hostPing.Status, hostPing.Workers));
        Assert.True(stop.Ok, stop.Error);
        await serving;
        Assert.Equal(RunStatus.Stopped, _ended.Single().Status);
    }

    [Fact]
    public async Task Given_two_workers_When_one_supervision_throws_Then_only_that_run_fails_with_crash_and_the_other_succeeds()
    {
        var broken = _state.NewRun();
        var healthy = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "boom").RunsUntilSignalled(ProcessSignal.Kill);
        _runner.ExpectAgent().Stdout("turn", "text fine", "done").After(TimeSpan.FromMilliseconds(300));
        var host = CreateHost(driverFor: id => id == broken.Id ? new ThrowingDriver(Supervised.AgentSpec) : new FakeDriver(Supervised.AgentSpec));
        var serving = host.RunAsync();

        Assert.True((await StartAsync(broken.Id)).Ok);
        Assert.True((await StartAsync(healthy.Id)).Ok);
        await serving;

        Assert.True((RunStatus.Failed, FailureReasons.Crash) == Outcome(broken.Id), string.Join("\n", _log));
        Assert.Equal((RunStatus.Succeeded, (string?)null), Outcome(healthy.Id));
        Assert.Contains((ProcessSignal.Kill, true), _runner.Started[0].Signals);
        Assert.Equal(2, _ended.Count);
    }

    [Fact]
    public async Task Given_a_run_ended_hook_that_throws_When_runs_end_Then_every_run_still_ends_and_the_host_closes()
    {
        var first = _state.NewRun();
        var second = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "done");
        _runner.ExpectAgent().Stdout("turn", "done");
        var calls = 0;
        var host = CreateHost(onEnded: _ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("hook bug");
        });
        var serving = host.RunAsync();

        Assert.True((await StartAsync(first.Id)).Ok);
        Assert.True((await StartAsync(second.Id)).Ok);
        await serving;

        Assert.Equal(2, calls);
        Assert.Equal(RunStatus.Succeeded, _state.Ledger.FindRun(second.Id)!.Status);
    }

    [Fact]
    public async Task Given_a_host_asked_to_end_When_workers_run_Then_each_is_stopped_before_the_host_returns()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Terminate);
        using var sigterm = new CancellationTokenSource();
        var host = CreateHost();
        var serving = host.RunAsync(sigterm.Token);
        Assert.True((await StartAsync(run.Id)).Ok);

        await sigterm.CancelAsync();
        await serving;

        Assert.Equal(RunStatus.Stopped, _state.Ledger.FindRun(run.Id)!.Status);
        Assert.Equal(0, host.WorkerCount);
    }

    [Fact]
    public async Task Given_the_same_run_twice_or_a_bad_request_When_asked_Then_the_host_refuses_with_one_line()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn").RunsUntilSignalled(ProcessSignal.Terminate);
        using var sigterm = new CancellationTokenSource();
        var serving = CreateHost().RunAsync(sigterm.Token);
        Assert.True((await StartAsync(run.Id)).Ok);

        var twice = await StartAsync(run.Id);
        var noRun = await ControlClient.SendAsync(Files.ControlSocket, new ControlRequest(ControlRequest.Start));
        var steer = await ControlClient.SendAsync(Files.ControlSocket, new ControlRequest(ControlRequest.Steer) { Message = "hi" });
        await sigterm.CancelAsync();
        await serving;

        Assert.Equal($"run {run.Id} is supervised already", twice.Error);
        Assert.Equal("start needs the run id", noRun.Error);
        Assert.StartsWith("unknown host op 'steer'", steer.Error);
    }

    [Fact]
    public async Task Given_no_host_and_a_stale_socket_When_two_front_ends_start_runs_at_once_Then_one_host_is_started_and_serves_both()
    {
        var first = _state.NewRun();
        var second = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "done").After(TimeSpan.FromMilliseconds(200));
        _runner.ExpectAgent().Stdout("turn", "done").After(TimeSpan.FromMilliseconds(200));
        Files.EnsurePrivateDirectory();
        StaleSocket.Create(Files.ControlSocket);
        var hosts = new List<Task>();
        int StartHost()
        {
            lock (hosts)
            {
                hosts.Add(Task.Run(async () =>
                {
                    using var claimed = await HostLifetime.ClaimAsync(Files, TimeSpan.FromSeconds(10));
                    if (claimed is not null)
                    {
                        await CreateHost().RunAsync();
                    }
                }));
            }

            return Environment.ProcessId;
        }

        var replies = await Task.WhenAll(
            new HostClient(Files, StartHost).SendAsync(StartRequest(first.Id)),
            new HostClient(Files, StartHost).SendAsync(StartRequest(second.Id)));
        Task[] started;
        lock (hosts)
        {
            started = [.. hosts];
        }

        await Task.WhenAll(started);

        Assert.All(replies, r => Assert.True(r.Ok, r.Error));
        Assert.Single(started);
        Assert.Equal(RunStatus.Succeeded, _state.Ledger.FindRun(first.Id)!.Status);
        Assert.Equal(RunStatus.Succeeded, _state.Ledger.FindRun(second.Id)!.Status);
    }

    [Fact]
    public async Task Given_a_serving_host_When_another_claims_the_folder_Then_it_gets_no_lock_and_leaves()
    {
        using var sigterm = new CancellationTokenSource();
        using var claimed = await HostLifetime.ClaimAsync(Files, TimeSpan.FromSeconds(5));
        var serving = CreateHost().RunAsync(sigterm.Token);
        await Eventually.TrueAsync(() => new HostClient(Files, () => 0).IsServingAsync().Result, "the host serves");

        var second = await HostLifetime.ClaimAsync(Files, TimeSpan.FromSeconds(5));

        Assert.NotNull(claimed);
        Assert.Null(second);
        await sigterm.CancelAsync();
        await serving;
    }

    [Fact]
    public void Given_a_held_file_lock_When_taken_again_Then_refused_until_released()
    {
        Files.EnsurePrivateDirectory();
        var first = FileLock.TryAcquire(Files.StartLock);

        var whileHeld = FileLock.TryAcquire(Files.StartLock);
        first!.Dispose();
        using var afterwards = FileLock.TryAcquire(Files.StartLock);

        Assert.Null(whileHeld);
        Assert.NotNull(afterwards);
    }

    private SupervisorHost CreateHost(bool keepOpen = false, Func<string, Core.Workers.IAgentDriver>? driverFor = null, Action<RunRecord>? onEnded = null) =>
        new(Files, _state.Ledger, _ledgerLock,
            request => new WorkerSupervisor(_state.Ledger, _state.Paths, _runner, driverFor?.Invoke(request.Run!) ?? new FakeDriver(Supervised.AgentSpec),
                new WordParser(), request.Run!,
                new SupervisorOptions
                {
                    KeepOpen = request.KeepOpen || keepOpen,
                    LedgerLock = _ledgerLock,
                    StopGrace = TimeSpan.FromMilliseconds(100),
                    PollInterval = TimeSpan.FromMilliseconds(50),
                }),
            new HostOptions
            {
                IdleGrace = TimeSpan.FromSeconds(1),
                Log = line =>
                {
                    lock (_log)
                    {
                        _log.Add(line);
                    }
                },
                OnRunEnded = (record, _) =>
                {
                    lock (_ended)
                    {
                        _ended.Add(record);
                    }

                    onEnded?.Invoke(record);
                    return Task.CompletedTask;
                },
            });

    private static ControlRequest StartRequest(string runId, bool keepOpen = false) =>
        new(ControlRequest.Start) { Run = runId, KeepOpen = keepOpen };

    private async Task<ControlReply> StartAsync(string runId, bool keepOpen = false)
    {
        await Eventually.TrueAsync(() => File.Exists(Files.ControlSocket), "the host socket exists");
        return await ControlClient.SendAsync(Files.ControlSocket, StartRequest(runId, keepOpen));
    }

    private (RunStatus, string?) Outcome(string runId)
    {
        var run = _state.Ledger.FindRun(runId)!;
        return (run.Status, run.FailureReason);
    }
}
