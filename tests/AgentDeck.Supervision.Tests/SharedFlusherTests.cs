using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

public sealed class SharedFlusherTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly Lock _ledgerLock = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_workers_sharing_one_flusher_When_they_stream_Then_every_run_gets_all_its_events()
    {
        using var tick = new IngestTick(TimeSpan.FromMilliseconds(10));
        var flusher = new LedgerFlusher(_state.Ledger, _ledgerLock, tick);
        var runs = Enumerable.Range(0, 3).Select(_ => _state.NewRun()).ToList();
        foreach (var _ in runs)
        {
            _runner.ExpectAgent().Stdout("turn", "text one", "text two", "text three", "done").Stderr("note");
        }

        var finals = await Task.WhenAll(runs.Select(run =>
            Supervised.Create(_state, _runner, run.Id, new SupervisorOptions { LedgerLock = _ledgerLock, Flusher = flusher }).RunAsync()));

        Assert.All(finals, final => Assert.Equal(RunStatus.Succeeded, final.Status));
        Assert.All(runs, run => Assert.Equal(6, _state.Ledger.CountEvents(run.Id)));
    }

    [Fact]
    public async Task Given_kept_open_workers_sharing_one_flusher_When_they_go_idle_Then_their_output_is_committed_without_their_end()
    {
        using var tick = new IngestTick(TimeSpan.FromMilliseconds(10));
        var flusher = new LedgerFlusher(_state.Ledger, _ledgerLock, tick);
        var runs = Enumerable.Range(0, 2).Select(_ => _state.NewRun()).ToList();
        foreach (var _ in runs)
        {
            _runner.ExpectAgent().Stdout("turn", "text hi", "done").Stderr("warming up").RunsUntilSignalled(Core.Processes.ProcessSignal.Terminate);
        }

        var supervisors = runs.Select(run => Supervised.Create(_state, _runner, run.Id,
            new SupervisorOptions { KeepOpen = true, LedgerLock = _ledgerLock, Flusher = flusher })).ToList();
        var running = supervisors.Select(s => s.RunAsync()).ToList();

        foreach (var run in runs)
        {
            await Eventually.TrueAsync(() => Locked(() => _state.Ledger.CountEvents(run.Id)) == 4, "every line of " + run.Id + " committed");
            Assert.Equal(RunStatus.Idle, Locked(() => _state.Ledger.FindRun(run.Id)!.Status));
        }

        foreach (var supervisor in supervisors)
        {
            await Control.ControlClient.SendAsync(supervisor.ControlSocket, new Control.ControlRequest(Control.ControlRequest.Stop));
        }

        Assert.All(await Task.WhenAll(running), final => Assert.Equal(RunStatus.Stopped, final.Status));
    }

    [Fact]
    public void Given_a_shared_flusher_without_the_shared_lock_When_a_supervisor_is_made_Then_refused()
    {
        using var tick = new IngestTick(TimeSpan.FromMilliseconds(10));
        var flusher = new LedgerFlusher(_state.Ledger, _ledgerLock, tick);

        Assert.Throws<ArgumentException>(() => Supervised.Create(_state, _runner, _state.NewRun().Id, new SupervisorOptions { Flusher = flusher }));
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_ledgerLock)
        {
            return read();
        }
    }
}
