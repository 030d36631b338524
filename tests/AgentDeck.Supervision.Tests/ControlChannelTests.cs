using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Tests.Support;

namespace AgentDeck.Supervision.Tests;

public sealed class ControlChannelTests : IDisposable
{
    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_a_server_When_started_Then_the_socket_is_0600_inside_a_0700_folder_and_answers_ping()
    {
        var files = Files();
        await using var server = await ControlServer.StartAsync(files.ControlSocket, new Answering());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.ControlSocket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(files.Directory));
        var reply = await ControlClient.SendAsync(files.ControlSocket, new ControlRequest(ControlRequest.Ping));
        Assert.Equal((true, "running"), (reply.Ok, reply.Status));
    }

    [Fact]
    public async Task Given_a_socket_left_by_a_dead_supervisor_When_a_new_server_starts_Then_it_is_replaced()
    {
        var files = Files();
        StaleSocket.Create(files.ControlSocket);

        Assert.True(File.Exists(files.ControlSocket));
        await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(files.ControlSocket, new ControlRequest(ControlRequest.Ping)));

        await using var server = await ControlServer.StartAsync(files.ControlSocket, new Answering());
        Assert.True((await ControlClient.SendAsync(files.ControlSocket, new ControlRequest(ControlRequest.Ping))).Ok);
    }

    [Fact]
    public async Task Given_a_live_server_When_a_second_one_starts_on_the_same_socket_Then_it_refuses()
    {
        var files = Files();
        await using var server = await ControlServer.StartAsync(files.ControlSocket, new Answering());

        await Assert.ThrowsAsync<InvalidOperationException>(() => ControlServer.StartAsync(files.ControlSocket, new Answering()));
    }

    [Fact]
    public async Task Given_bad_requests_When_sent_Then_one_line_errors_come_back()
    {
        var files = Files();
        await using var server = await ControlServer.StartAsync(files.ControlSocket, new Answering());

        var unknown = await ControlClient.SendAsync(files.ControlSocket, new ControlRequest("dance"));
        var empty = await ControlClient.SendAsync(files.ControlSocket, new ControlRequest(ControlRequest.Steer));

        Assert.Contains("unknown control op 'dance'", unknown.Error);
        Assert.Contains("non-empty message", empty.Error);
    }

    [Fact]
    public async Task Given_a_run_whose_supervisor_is_dead_When_checked_Then_it_is_marked_lost_and_a_live_one_is_not()
    {
        var dead = _state.NewRun(RunStatus.Running);
        new SupervisorRecord(int.MaxValue - 1, 1, DateTimeOffset.UtcNow).Save(Files(dead.Id).Supervisor);
        var live = _state.NewRun(RunStatus.Running);
        SupervisorRecord.ForCurrentProcess(DateTimeOffset.UtcNow).Save(Files(live.Id).Supervisor);
        var liveness = new RunLiveness(_state.Ledger, _state.Paths);

        Assert.Equal(RunStatus.Lost, liveness.Check(dead).Status);
        Assert.Equal(RunStatus.Running, liveness.Check(live).Status);
        Assert.Equal(RunStatus.Lost, _state.Ledger.FindRun(dead.Id)!.Status);
        await Task.CompletedTask;
    }

    [Fact]
    public void Given_a_ledger_that_cannot_be_written_When_a_dead_supervisors_run_is_checked_Then_it_is_shown_lost_and_left_unmarked()
    {
        var dead = _state.NewRun(RunStatus.Running);
        new SupervisorRecord(int.MaxValue - 1, 1, DateTimeOffset.UtcNow).Save(Files(dead.Id).Supervisor);
        var liveness = new RunLiveness(_state.Ledger, _state.Paths, readOnly: true);

        Assert.Equal((RunStatus.Lost, "supervisor_died"), (liveness.Check(dead).Status, liveness.Check(dead).FailureReason));
        Assert.Equal(RunStatus.Running, _state.Ledger.FindRun(dead.Id)!.Status);
    }

    [Fact]
    public void Given_a_pid_When_its_start_time_differs_Then_it_is_not_the_same_process()
    {
        var ticks = ProcessIdentity.CurrentStartTicks();

        Assert.NotNull(ticks);
        Assert.True(ProcessIdentity.IsAlive(Environment.ProcessId, ticks!.Value));
        Assert.False(ProcessIdentity.IsAlive(Environment.ProcessId, ticks.Value + 1));
    }

    private RunFiles Files(string? runId = null)
    {
        var files = new RunFiles(_state.Paths, runId ?? _state.NewRun().Id);
        files.EnsurePrivateDirectory();
        return files;
    }

    private sealed class Answering : ISupervisedWorker
    {
        public ControlReply Ping() => new(true) { Status = "running" };

        public Task<ControlReply> SteerAsync(string message, string? from, CancellationToken cancellationToken) => Task.FromResult(Ping());

        public Task<ControlReply> InterruptAsync(CancellationToken cancellationToken) => Task.FromResult(Ping());

        public Task<ControlReply> StopAsync(bool force, CancellationToken cancellationToken) => Task.FromResult(Ping());
    }
}
