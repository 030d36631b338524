using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

public sealed class LedgerRebuilderTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero));
    private readonly SqliteRunLedger _ledger;

    public LedgerRebuilderTests() => _ledger = _state.Open(new LedgerOptions { Clock = _clock });

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    private LedgerRebuilder Rebuilder(Func<IAgentStreamParser>? parser = null) =>
        new(_ledger, _state.Paths, agent => agent == "claude" ? (parser ?? (() => new FakeParser()))() : null);

    private string Record(int? exitCode, params string[] lines)
    {
        var runId = _ledger.CreateRun(new NewRun("claude")).Id;
        using var recorder = new RunRecorder(_ledger, runId, new FakeParser(), _state.Paths, new RunRecorderOptions { BatchEvents = 4, Clock = _clock });
        foreach (var line in lines)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            if (line.StartsWith("!", StringComparison.Ordinal))
            {
                recorder.AddStderrLine(Events.Utf8(line[1..]));
            }
            else
            {
                recorder.AddStdoutLine(Events.Utf8(line));
            }
        }

        recorder.Complete(exitCode);
        return runId;
    }

    private List<(long, long, RunStream, DateTimeOffset, string, string, string?)> Snapshot(string runId) =>
        _ledger.ReadEvents(runId, 1, 100_000, includeRaw: true)
            .Select(e => (e.Seq, e.LineNo, e.Stream, e.Time, e.Kind, e.Payload, e.Raw is null ? null : Convert.ToHexString(e.Raw)))
            .ToList();

    [Fact]
    public void Given_a_recorded_run_When_rebuilt_with_the_same_parser_Then_events_and_figures_are_identical()
    {
        var runId = Record(0, "session:s", "turn", "!warn one", "tool:c:a.cs", "usage:5:6", "", "!warn two", "text:bye", "done");
        var before = Snapshot(runId);
        var runBefore = _ledger.FindRun(runId)!;

        var result = Rebuilder().Rebuild(runId[..7]);

        Assert.Equal(before, Snapshot(runId));
        var runAfter = _ledger.FindRun(runId)!;
        Assert.Equal(runBefore with { UpdatedAt = default, FilesTouched = [] }, runAfter with { UpdatedAt = default, FilesTouched = [] });
        Assert.Equal(runBefore.FilesTouched, runAfter.FilesTouched);
        Assert.Equal(new RebuildResult(runId, 7, 2, before.Count, RunStatus.Succeeded), result);
    }

    [Fact]
    public void Given_events_lost_or_damaged_When_rebuilt_Then_they_come_back_from_the_raw_log()
    {
        var runId = Record(1, "session:s", "turn", "tool:c:a.cs");
        var before = Snapshot(runId);
        _ledger.DeleteEvents(runId);
        _ledger.AppendEvents(runId, [Events.Note("junk")], new RunAggregates { Status = RunStatus.Succeeded });

        Rebuilder().Rebuild(runId);

        var after = Snapshot(runId);
        Assert.Equal(before.Select(e => (e.Item1, e.Item2, e.Item3, e.Item5, e.Item6, e.Item7)), after.Select(e => (e.Item1, e.Item2, e.Item3, e.Item5, e.Item6, e.Item7)));
        var run = _ledger.FindRun(runId)!;
        Assert.Equal((RunStatus.Failed, FailureReasons.Crash, 1, 1, "s"), (run.Status, run.FailureReason, run.ToolCalls, run.ExitCode, run.SessionId));
        Assert.Equal(before.Count, run.EventCount);
    }

    [Fact]
    public void Given_a_better_parser_When_rebuilt_Then_the_run_reflects_what_it_reads()
    {
        var runId = Record(0, "session:s", "mystery line", "done");

        Rebuilder(() => new UpgradedParser()).Rebuild(runId);

        var kinds = _ledger.ReadEvents(runId, 1, 100).Select(e => e.Kind).ToList();
        Assert.Equal([EventKinds.SessionStarted, EventKinds.AssistantText, EventKinds.TurnCompleted], kinds);
        Assert.Equal("mystery line", _ledger.FindRun(runId)!.FinalText);
    }

    [Fact]
    public void Given_no_raw_log_When_rebuilding_Then_it_says_so_and_events_stay()
    {
        var runId = Record(0, "session:s", "done");
        File.Delete(_state.Paths.StdoutLog(runId));

        var error = Assert.Throws<LedgerException>(() => Rebuilder().Rebuild(runId));

        Assert.Equal(LedgerProblem.RawLogMissing, error.Problem);
        Assert.Contains("stdout.log", error.Message);
        Assert.Equal(2, _ledger.CountEvents(runId));
    }

    [Fact]
    public void Given_a_run_still_running_When_rebuilding_Then_it_is_refused_unless_forced()
    {
        var runId = _ledger.CreateRun(new NewRun("claude") { Status = RunStatus.Running }).Id;
        Directory.CreateDirectory(_state.Paths.RunDirectory(runId));
        File.WriteAllText(_state.Paths.StdoutLog(runId), "session:s\nturn\n");

        var error = Assert.Throws<LedgerException>(() => Rebuilder().Rebuild(runId));
        var forced = Rebuilder().Rebuild(runId, allowUnfinished: true);

        Assert.Equal(LedgerProblem.RunNotFinished, error.Problem);
        Assert.Equal((2L, RunStatus.Running), (forced.Events, forced.Status));
    }

    [Fact]
    public void Given_an_agent_without_a_parser_When_rebuilding_Then_it_names_the_agent()
    {
        var runId = _ledger.CreateRun(new NewRun("someday-agent") { Status = RunStatus.Succeeded }).Id;
        Directory.CreateDirectory(_state.Paths.RunDirectory(runId));
        File.WriteAllText(_state.Paths.StdoutLog(runId), "x\n");

        var error = Assert.Throws<LedgerException>(() => Rebuilder().Rebuild(runId));

        Assert.Equal(LedgerProblem.NoParser, error.Problem);
        Assert.Contains("someday-agent", error.Message);
    }

    [Fact]
    public void Given_a_stopped_run_When_rebuilt_Then_the_supervisors_stop_stands()
    {
        var runId = Record(143, "session:s", "turn");
        _ledger.UpdateRun(runId, new RunUpdate { Status = RunStatus.Stopped, FailureReason = FailureReasons.Aborted });

        Assert.Equal(RunStatus.Stopped, Rebuilder().Rebuild(runId).Status);
        Assert.Equal(FailureReasons.Aborted, _ledger.FindRun(runId)!.FailureReason);
    }

    [Fact]
    public void Given_a_run_lost_with_its_supervisor_When_rebuilt_Then_it_stays_lost()
    {
        var runId = Record(143, "session:s", "turn");
        _ledger.UpdateRun(runId, new RunUpdate { Status = RunStatus.Lost, FailureReason = "supervisor_died" });

        Assert.Equal(RunStatus.Lost, Rebuilder().Rebuild(runId).Status);
        Assert.Equal("supervisor_died", _ledger.FindRun(runId)!.FailureReason);
    }

    /// <summary>Reads lines the fake parser does not know as assistant text.</summary>
    private sealed class UpgradedParser : IAgentStreamParser
    {
        private readonly FakeParser _inner = new();

        public Core.AgentKind Agent => _inner.Agent;

        public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output)
        {
            var probe = new List<AgentEvent>();
            _inner.ParseLine(line, probe);
            foreach (var e in probe)
            {
                output.Add(e is Unparsed u ? new AssistantText(u.Raw, IsDelta: false) : e);
            }
        }

        public void Complete(int? exitCode, ICollection<AgentEvent> output) => _inner.Complete(exitCode, output);
    }
}
