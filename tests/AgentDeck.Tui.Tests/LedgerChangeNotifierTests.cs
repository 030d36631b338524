using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class LedgerChangeNotifierTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Given_a_watched_ledger_When_another_connection_commits_Then_the_screen_is_told()
    {
        var paths = new AgentDeckPaths(_home.Path);
        using var ledger = SqliteRunLedger.Open(paths);
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = new LedgerChangeNotifier(paths).Watch(() => told.TrySetResult());

        using (var writer = SqliteRunLedger.Open(paths))
        {
            writer.CreateRun(new NewRun("claude") { Status = RunStatus.Running });
        }

        await told.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Given_a_stopped_watch_When_the_ledger_changes_Then_nothing_is_called()
    {
        var paths = new AgentDeckPaths(_home.Path);
        using var ledger = SqliteRunLedger.Open(paths);
        var calls = 0;
        new LedgerChangeNotifier(paths).Watch(() => Interlocked.Increment(ref calls)).Dispose();

        ledger.CreateRun(new NewRun("codex") { Status = RunStatus.Running });
        var control = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (new LedgerChangeNotifier(paths).Watch(() => control.TrySetResult()))
        {
            ledger.CreateRun(new NewRun("codex") { Status = RunStatus.Running });
            await control.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, Volatile.Read(ref calls));
    }
}
