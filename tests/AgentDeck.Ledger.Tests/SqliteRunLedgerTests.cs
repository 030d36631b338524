using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

public sealed class SqliteRunLedgerTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteRunLedger _ledger;

    public SqliteRunLedgerTests() => _ledger = _state.Open(new LedgerOptions { Clock = _clock });

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    [Fact]
    public void Given_a_new_run_When_created_Then_it_reads_back_with_every_field()
    {
        var created = _ledger.CreateRun(new NewRun("claude")
        {
            Role = "coder", Model = "opus", Profile = "work", Cwd = "/repo/a", Repo = "/repo", Prompt = "fix it",
            Pid = 42, Team = "t1", SessionId = "s-1",
        });

        var read = _ledger.FindRun(created.Id)!;
        Assert.True(RunIds.IsValid(read.Id));
        Assert.Equal(("claude", "coder", "opus", "work", "/repo/a", "/repo", "fix it", 42, "t1", "s-1"),
            (read.Agent, read.Role, read.Model, read.Profile, read.Cwd, read.Repo, read.Prompt, read.Pid, read.Team, read.SessionId));
        Assert.Equal(RunStatus.Starting, read.Status);
        Assert.Equal(_clock.Now, read.StartedAt);
        Assert.Null(read.CostUsd);
        Assert.Empty(read.FilesTouched);
        Assert.Equal(0, read.EventCount);
    }

    [Fact]
    public void Given_a_run_When_updated_Then_only_given_fields_change()
    {
        var run = _ledger.CreateRun(new NewRun("codex") { Model = "gpt-5" });
        _clock.Advance(TimeSpan.FromSeconds(3));

        var updated = _ledger.UpdateRun(run.Id, new RunUpdate { Status = RunStatus.Stopped, ExitCode = 143, EndedAt = _clock.Now, Pid = 7 });

        Assert.Equal((RunStatus.Stopped, 143, 7, "gpt-5"), (updated.Status, updated.ExitCode, updated.Pid, updated.Model));
        Assert.Equal(_clock.Now, updated.EndedAt);
        Assert.Equal(_clock.Now, updated.UpdatedAt);
    }

    [Fact]
    public void Given_a_failed_run_When_an_update_clears_its_reason_Then_it_reads_back_as_no_reason()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));
        _ledger.UpdateRun(run.Id, new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.Crash });

        var stopped = _ledger.UpdateRun(run.Id, new RunUpdate { Status = RunStatus.Stopped, FailureReason = string.Empty });

        Assert.Equal(RunStatus.Stopped, stopped.Status);
        Assert.Null(stopped.FailureReason);
    }

    [Fact]
    public void Given_runs_When_counted_Then_every_run_counts_whatever_its_status()
    {
        _ledger.CreateRun(new NewRun("claude"));
        var failed = _ledger.CreateRun(new NewRun("codex"));
        _ledger.UpdateRun(failed.Id, new RunUpdate { Status = RunStatus.Failed });

        Assert.Equal(2, _ledger.CountRuns());
    }

    [Fact]
    public void Given_an_unknown_run_When_updating_or_appending_Then_a_one_line_error_says_how_to_list_runs()
    {
        var update = Assert.Throws<LedgerException>(() => _ledger.UpdateRun("0000000000", new RunUpdate { Pid = 1 }));
        var append = Assert.Throws<LedgerException>(() => _ledger.AppendEvents("0000000000", [Events.Note("x")]));

        Assert.Equal(LedgerProblem.UnknownRun, update.Problem);
        Assert.Equal(LedgerProblem.UnknownRun, append.Problem);
        Assert.Contains("agentdeck runs", append.Message);
        Assert.DoesNotContain('\n', append.Message);
    }

    [Fact]
    public void Given_batches_When_appended_Then_seq_runs_from_one_without_gaps_and_payloads_round_trip()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));

        var first = _ledger.AppendEvents(run.Id, Events.Notes("a", 3));
        var second = _ledger.AppendEvents(run.Id, Events.Notes("b", 2));

        Assert.Equal(new AppendResult(1, 3, 3), first);
        Assert.Equal(new AppendResult(4, 5, 2), second);
        var stored = _ledger.ReadEvents(run.Id, 1, 100);
        Assert.Equal([1L, 2, 3, 4, 5], stored.Select(e => e.Seq));
        Assert.Equal(["a1", "a2", "a3", "b1", "b2"], stored.Select(e => ((Notice)e.ToEvent()!).Message));
        Assert.All(stored, e => Assert.Equal(EventKinds.Notice, e.Kind));
        Assert.Equal(5, _ledger.FindRun(run.Id)!.EventCount);
    }

    [Fact]
    public void Given_an_empty_batch_When_appended_Then_nothing_is_numbered()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));

        Assert.Equal(new AppendResult(1, 0, 0), _ledger.AppendEvents(run.Id, []));
        Assert.Equal(0, _ledger.LastSeq(run.Id));
    }

    [Fact]
    public void Raw_bytes_are_kept_verbatim_on_the_first_event_of_a_line_only()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));
        byte[] invalidUtf8 = [0x7B, 0xFF, 0xFE, 0x00, 0x7D];
        _ledger.AppendEvents(run.Id,
        [
            new EventToAppend(new Unparsed("{??}", "bad"), RunStream.Stdout, 1, Events.Time, invalidUtf8),
            new EventToAppend(new Notice("info", "second of line 1"), RunStream.Stdout, 1, Events.Time),
            new EventToAppend(new ProtocolNote("blank_line"), RunStream.Stdout, 2, Events.Time, Array.Empty<byte>()),
            new EventToAppend(new Notice("stderr", "oops"), RunStream.Stderr, 1, Events.Time, Events.Utf8("oops")),
        ]);

        var stored = _ledger.ReadEvents(run.Id, 1, 10, includeRaw: true);

        Assert.Equal(invalidUtf8, stored[0].Raw);
        Assert.Null(stored[1].Raw);
        Assert.Equal(Array.Empty<byte>(), stored[2].Raw);
        Assert.Equal((RunStream.Stderr, 1L), (stored[3].Stream, stored[3].LineNo));
        Assert.All(_ledger.ReadEvents(run.Id, 1, 10), e => Assert.Null(e.Raw));
    }

    [Fact]
    public void Given_aggregates_with_a_batch_When_appended_Then_the_run_row_carries_them()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));

        _ledger.AppendEvents(run.Id, [Events.Note("x")], new RunAggregates
        {
            Status = RunStatus.Failed, FailureReason = "api_error", SessionId = "sess", Model = "m", FinalText = "bye",
            Tokens = new TokenUsage(1, 2, 3, 4, 5), CostUsd = 0.125m, ToolCalls = 3, FilesTouched = ["a.cs", "b.cs"],
            ExitCode = 1, EndedAt = _clock.Now,
        });

        var read = _ledger.FindRun(run.Id)!;
        Assert.Equal((RunStatus.Failed, "api_error", "sess", "m", "bye", 0.125m, 3, 1), (read.Status, read.FailureReason, read.SessionId, read.Model, read.FinalText, read.CostUsd, read.ToolCalls, read.ExitCode));
        Assert.Equal(new TokenUsage(1, 2, 3, 4, 5), read.Tokens);
        Assert.Equal(["a.cs", "b.cs"], read.FilesTouched);
        Assert.Equal(_clock.Now, read.EndedAt);
    }

    [Theory]
    [InlineData(CostEstimate.None)]
    [InlineData(CostEstimate.FamilyPrice)]
    [InlineData(CostEstimate.CutShortTurn)]
    public void Given_a_cost_estimate_with_a_batch_When_appended_Then_the_run_row_keeps_why_its_cost_is_one(CostEstimate estimate)
    {
        var run = _ledger.CreateRun(new NewRun("claude"));

        _ledger.AppendEvents(run.Id, [Events.Note("x")], new RunAggregates { Status = RunStatus.Running, CostUsd = 0.42m, CostEstimate = estimate });

        Assert.Equal((0.42m, estimate), (_ledger.FindRun(run.Id)!.CostUsd, _ledger.FindRun(run.Id)!.CostEstimate));
    }

    [Fact]
    public void Reading_from_a_seq_serves_follow_polling_and_the_tail_serves_jump_to_end()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));
        _ledger.AppendEvents(run.Id, Events.Notes("e", 10));

        Assert.Equal([8L, 9, 10], _ledger.ReadEvents(run.Id, 8, 100).Select(e => e.Seq));
        Assert.Equal([4L, 5], _ledger.ReadEvents(run.Id, 4, 2).Select(e => e.Seq));
        Assert.Empty(_ledger.ReadEvents(run.Id, 11, 100));
        Assert.Equal([9L, 10], _ledger.ReadLastEvents(run.Id, 2).Select(e => e.Seq));
        Assert.Equal(10, _ledger.CountEvents(run.Id));
        Assert.Equal(10, _ledger.LastSeq(run.Id));
    }

    [Fact]
    public void Deleting_events_keeps_the_run_and_restarts_numbering()
    {
        var run = _ledger.CreateRun(new NewRun("claude"));
        _ledger.AppendEvents(run.Id, Events.Notes("e", 4));

        Assert.Equal(4, _ledger.DeleteEvents(run.Id));

        Assert.Equal(0, _ledger.CountEvents(run.Id));
        Assert.Equal(0, _ledger.FindRun(run.Id)!.EventCount);
        Assert.Equal(1, _ledger.AppendEvents(run.Id, [Events.Note("again")]).FirstSeq);
    }

    [Fact]
    public void Runs_list_newest_first_with_filters_and_limit()
    {
        var ids = new List<string>();
        foreach (var (status, cwd) in new[] { (RunStatus.Succeeded, "/a"), (RunStatus.Failed, "/b"), (RunStatus.Running, "/a"), (RunStatus.Failed, "/a") })
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add(_ledger.CreateRun(new NewRun("claude") { Status = status, Cwd = cwd, Repo = "/r" + cwd }).Id);
        }

        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], _ledger.ListRuns(new RunQuery()).Select(r => r.Id));
        Assert.Equal([ids[3], ids[1]], _ledger.ListRuns(new RunQuery { Statuses = [RunStatus.Failed] }).Select(r => r.Id));
        Assert.Equal([ids[3], ids[2], ids[0]], _ledger.ListRuns(new RunQuery { Cwd = "/a" }).Select(r => r.Id));
        Assert.Equal([ids[1]], _ledger.ListRuns(new RunQuery { Repo = "/r/b" }).Select(r => r.Id));
        Assert.Equal([ids[3], ids[2]], _ledger.ListRuns(new RunQuery { Statuses = [RunStatus.Failed, RunStatus.Running], Cwd = "/a" }).Select(r => r.Id));
        Assert.Equal([ids[3]], _ledger.ListRuns(new RunQuery { Limit = 1 }).Select(r => r.Id));
    }

    [Fact]
    public void The_latest_run_of_a_session_is_found_for_a_resume()
    {
        _ledger.CreateRun(new NewRun("claude") { SessionId = "s" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        var latest = _ledger.CreateRun(new NewRun("claude") { SessionId = "s" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        _ledger.CreateRun(new NewRun("claude") { SessionId = "other" });

        Assert.Equal(latest.Id, _ledger.FindLatestRunOfSession("s")!.Id);
        Assert.Null(_ledger.FindLatestRunOfSession("nope"));
    }

    [Fact]
    public void A_unique_prefix_names_a_run_whatever_its_case()
    {
        var run = _ledger.CreateRun(new NewRun("claude") { Id = "05abcdefgh" });
        _ledger.CreateRun(new NewRun("claude") { Id = "05xyzxyzxy" });

        Assert.Equal(run.Id, _ledger.ResolveRun("05A").Id);
        Assert.Equal(run.Id, _ledger.ResolveRun("05abcdefgh").Id);
    }

    [Fact]
    public void An_ambiguous_prefix_lists_the_candidates_on_one_line()
    {
        _ledger.CreateRun(new NewRun("claude") { Id = "05abcdefgh" });
        _ledger.CreateRun(new NewRun("claude") { Id = "05abzzzzzz" });

        var error = Assert.Throws<LedgerException>(() => _ledger.ResolveRun("05ab"));

        Assert.Equal(LedgerProblem.AmbiguousRun, error.Problem);
        Assert.Contains("05abcdefgh", error.Message);
        Assert.Contains("05abzzzzzz", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("06")]
    [InlineData("not-an-id")]
    public void An_unknown_prefix_says_how_to_list_runs(string typed)
    {
        _ledger.CreateRun(new NewRun("claude") { Id = "05abcdefgh" });

        var error = Assert.Throws<LedgerException>(() => _ledger.ResolveRun(typed));

        Assert.Equal(LedgerProblem.UnknownRun, error.Problem);
        Assert.Contains("agentdeck runs", error.Message);
    }

    [Fact]
    public void An_explicit_id_that_exists_is_refused()
    {
        _ledger.CreateRun(new NewRun("claude") { Id = "05abcdefgh" });

        Assert.Throws<ArgumentException>(() => _ledger.CreateRun(new NewRun("claude") { Id = "05abcdefgh" }));
    }

    [Fact]
    public void Many_runs_created_in_the_same_millisecond_all_get_distinct_ids()
    {
        var ids = Enumerable.Range(0, 300).Select(_ => _ledger.CreateRun(new NewRun("claude")).Id).ToList();

        Assert.Equal(300, ids.Distinct().Count());
    }
}
