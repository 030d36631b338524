using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

public sealed class OneTransactionTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly SqliteRunLedger _ledger;

    public OneTransactionTests() => _ledger = _state.Open();

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    [Fact]
    public void Given_two_runs_When_their_events_are_written_in_one_transaction_Then_both_are_committed_with_their_counts()
    {
        var a = _ledger.CreateRun(new NewRun("claude"));
        var b = _ledger.CreateRun(new NewRun("codex"));

        _ledger.WriteInOneTransaction(() =>
        {
            _ledger.AppendEvents(a.Id, Events.Notes("a", 3));
            _ledger.AppendEvents(b.Id, Events.Notes("b", 2));
            _ledger.UpdateRun(b.Id, new RunUpdate { Status = RunStatus.Idle });
        });

        using var reader = _state.Open();
        Assert.Equal((3, 2), (reader.CountEvents(a.Id), reader.CountEvents(b.Id)));
        Assert.Equal((3, 2, RunStatus.Idle), (reader.FindRun(a.Id)!.EventCount, reader.FindRun(b.Id)!.EventCount, reader.FindRun(b.Id)!.Status));
    }

    [Fact]
    public void Given_one_write_fails_When_written_in_one_transaction_Then_no_run_keeps_anything_and_the_ledger_still_writes()
    {
        var a = _ledger.CreateRun(new NewRun("claude"));

        Assert.Throws<LedgerException>(() => _ledger.WriteInOneTransaction(() =>
        {
            _ledger.AppendEvents(a.Id, Events.Notes("a", 3));
            _ledger.AppendEvents("0000000000", Events.Notes("b", 1));
        }));

        Assert.Equal(0, _ledger.CountEvents(a.Id));
        _ledger.AppendEvents(a.Id, Events.Notes("a", 1));
        Assert.Equal(1, _ledger.CountEvents(a.Id));
    }

    [Fact]
    public void Given_parts_in_savepoints_When_one_part_fails_midway_Then_only_its_writes_are_undone_and_it_is_reported()
    {
        var a = _ledger.CreateRun(new NewRun("claude"));
        var b = _ledger.CreateRun(new NewRun("codex"));
        var c = _ledger.CreateRun(new NewRun("gemini"));
        var failures = new List<(string, string)>();

        _ledger.WriteInOneTransaction([a.Id, b.Id, c.Id], id =>
        {
            _ledger.AppendEvents(id, Events.Notes(id, 2));
            if (id == b.Id)
            {
                throw new IOException("raw log broke");
            }
        }, (id, error) => failures.Add((id, error.Message)));

        using var reader = _state.Open();
        Assert.Equal((2, 0, 2), (reader.CountEvents(a.Id), reader.CountEvents(b.Id), reader.CountEvents(c.Id)));
        Assert.Equal([(b.Id, "raw log broke")], failures);
        _ledger.AppendEvents(b.Id, Events.Notes("b", 1));
        Assert.Equal(1, _ledger.CountEvents(b.Id));
    }

    [Fact]
    public void Given_an_open_transaction_for_many_writes_When_another_is_opened_inside_it_Then_it_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _ledger.WriteInOneTransaction(() => _ledger.WriteInOneTransaction(() => { })));

        Assert.Contains("already open", error.Message);
    }
}
