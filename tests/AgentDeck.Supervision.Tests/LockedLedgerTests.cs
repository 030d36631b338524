using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Supervision.Tests;

/// <summary>
/// Another process holding the ledger's write lock past the busy timeout (many front ends and a status loop at once)
/// delays a worker's writes; it never fails the run, and nothing it recorded is lost.
/// </summary>
public sealed class LockedLedgerTests : IDisposable
{
    private readonly TempState _state = new();
    // Many busy timeouts of the ledger below: long enough that a write giving up on the lock would have failed the run.
    private static readonly TimeSpan LockedFor = TimeSpan.FromMilliseconds(300);

    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_another_process_holds_the_write_lock_past_the_busy_timeout_When_a_worker_starts_and_ends_Then_its_writes_wait_and_nothing_is_lost()
    {
        var run = _state.NewRun();
        _runner.ExpectAgent().Stdout("turn", "text hello", "done").RunsUntilSignalled(ProcessSignal.Terminate);
        using var ledger = SqliteRunLedger.Open(_state.Paths, new LedgerOptions { BusyTimeout = TimeSpan.FromMilliseconds(20) });
        var supervisor = new WorkerSupervisor(ledger, _state.Paths, _runner, new FakeDriver(Supervised.AgentSpec), new WordParser(), run.Id,
            new SupervisorOptions { KeepOpen = true, StopGrace = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(50), FlushInterval = TimeSpan.FromMilliseconds(10) });

        var other = HoldWriteLock();
        var running = supervisor.RunAsync();
        await supervisor.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(LockedFor);
        Assert.False(running.IsCompleted, "the supervision ended while the ledger was locked at its start");
        other.Dispose();
        await Eventually.TrueAsync(() => _state.Ledger.FindRun(run.Id)!.Status == RunStatus.Idle, "run idle in the ledger");

        other = HoldWriteLock();
        var stopped = await ControlClient.SendAsync(supervisor.ControlSocket, new ControlRequest(ControlRequest.Stop));
        await Task.Delay(LockedFor);
        Assert.True(stopped.Ok);
        Assert.False(running.IsCompleted, "the supervision ended while the ledger was locked at its end");
        other.Dispose();

        var final = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((RunStatus.Stopped, Environment.ProcessId), (final.Status, final.Pid));
        var kinds = _state.Ledger.ReadEvents(run.Id, 1, 100).Select(e => e.Kind).ToList();
        Assert.Equal([EventKinds.TurnStarted, EventKinds.AssistantText, EventKinds.TurnCompleted], kinds.Take(3));
    }

    /// <summary>A second connection in a write transaction, as another agentdeck process would hold it; disposing ends it.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={_state.Paths.LedgerFile};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }
}
