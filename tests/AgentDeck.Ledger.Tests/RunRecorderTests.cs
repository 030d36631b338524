using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace AgentDeck.Ledger.Tests;

public sealed class RunRecorderTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    private readonly SqliteRunLedger _ledger;
    private readonly string _runId;

    public RunRecorderTests()
    {
        _ledger = _state.Open(new LedgerOptions { Clock = _clock });
        _runId = _ledger.CreateRun(new NewRun("claude")).Id;
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    private RunRecorder Recorder(int batch = 512, FakeParser? parser = null) =>
        new(_ledger, _runId, parser ?? new FakeParser(), _state.Paths, new RunRecorderOptions { BatchEvents = batch, Clock = _clock });

    [Fact]
    public void Given_lines_When_recorded_Then_the_raw_log_holds_them_verbatim_one_per_line()
    {
        byte[] invalid = [0xC3, 0x28, 0xFF];
        using (var recorder = Recorder())
        {
            recorder.AddStdoutLine("session:s1"u8);
            recorder.AddStdoutLine(invalid);
            recorder.AddStdoutLine([]);
            recorder.Complete(0);
        }

        Assert.Equal([.. "session:s1\n"u8, .. invalid, (byte)'\n', (byte)'\n'], File.ReadAllBytes(_state.Paths.StdoutLog(_runId)));
    }

    [Fact]
    public void Given_a_line_with_two_events_When_flushed_Then_both_carry_its_line_number_and_only_the_first_its_bytes()
    {
        using var recorder = Recorder();
        recorder.AddStdoutLine("session:s1"u8);
        recorder.AddStdoutLine("tool:c1:src/a.cs"u8);
        recorder.Flush();

        var events = _ledger.ReadEvents(_runId, 1, 10, includeRaw: true);

        Assert.Equal([(1L, 1L), (2L, 2L), (3L, 2L)], events.Select(e => (e.Seq, e.LineNo)));
        Assert.Equal([EventKinds.SessionStarted, EventKinds.ToolCallStarted, EventKinds.ToolCallFinished], events.Select(e => e.Kind));
        Assert.Equal("tool:c1:src/a.cs"u8.ToArray(), events[1].Raw);
        Assert.Null(events[2].Raw);
        Assert.All(events, e => Assert.Equal(_clock.Now, e.Time));
    }

    [Fact]
    public void Events_wait_for_a_full_batch_or_an_explicit_flush()
    {
        using var recorder = Recorder(batch: 3);
        recorder.AddStdoutLine("text:a"u8);
        recorder.AddStdoutLine("text:b"u8);
        Assert.Equal(0, _ledger.CountEvents(_runId));

        recorder.AddStdoutLine("text:c"u8);
        Assert.Equal(3, _ledger.CountEvents(_runId));

        recorder.AddStdoutLine("text:d"u8);
        Assert.Equal(1, recorder.PendingEvents);
        recorder.Flush();
        Assert.Equal(4, _ledger.CountEvents(_runId));
    }

    [Fact]
    public void Given_a_whole_run_When_completed_Then_the_run_row_has_its_figures_status_and_exit()
    {
        using var recorder = Recorder();
        foreach (var line in new[] { "session:abc", "turn", "tool:c1:b.cs", "tool:c2:a.cs", "usage:100:20", "cost:0.25", "text:all done", "done" })
        {
            recorder.AddStdoutLine(Events.Utf8(line));
        }

        _clock.Advance(TimeSpan.FromSeconds(30));
        var run = recorder.Complete(0);

        Assert.Equal((RunStatus.Succeeded, (string?)null, "abc", "all done", 0.25m, 2, 0), (run.Status, run.FailureReason, run.SessionId, run.FinalText, run.CostUsd, run.ToolCalls, run.ExitCode));
        Assert.Equal(new TokenUsage(100, 0, 0, 20, 0), run.Tokens);
        Assert.Equal(["a.cs", "b.cs"], run.FilesTouched);
        Assert.Equal(_clock.Now, run.EndedAt);
        Assert.Equal(10, run.EventCount);
        Assert.Equal("fake-model", run.Model);
    }

    [Fact]
    public void Given_a_turn_left_open_When_completed_Then_the_parser_closes_it_and_the_run_fails()
    {
        var parser = new FakeParser();
        using var recorder = Recorder(parser: parser);
        recorder.AddStdoutLine("turn"u8);

        var run = recorder.Complete(137);

        Assert.Equal(1, parser.CompleteCalls);
        Assert.Equal((RunStatus.Failed, FailureReasons.Crash, 137), (run.Status, run.FailureReason, run.ExitCode));
        var last = _ledger.ReadLastEvents(_runId, 1).Single();
        Assert.Equal((EventKinds.TurnCompleted, 0L), (last.Kind, last.LineNo));
    }

    [Theory]
    [InlineData(0, RunStatus.Succeeded)]
    [InlineData(2, RunStatus.Failed)]
    [InlineData(null, RunStatus.Lost)]
    public void Given_no_final_word_from_the_protocol_When_completed_Then_the_exit_code_decides(int? exitCode, RunStatus expected)
    {
        using var recorder = Recorder();
        recorder.AddStdoutLine("text:hi"u8);

        Assert.Equal(expected, recorder.Complete(exitCode).Status);
    }

    [Fact]
    public void Given_bad_input_and_a_throwing_parser_When_recorded_Then_every_line_still_has_an_event()
    {
        using var recorder = Recorder();
        recorder.AddStdoutLine("throw"u8);
        recorder.AddStdoutLine("silent"u8);
        recorder.AddStdoutLine([]);
        recorder.AddStdoutLine([0xFF, 0xFE]);
        recorder.AddStdoutLine("done"u8);
        recorder.Complete(0);

        var events = _ledger.ReadEvents(_runId, 1, 10, includeRaw: true);

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.LineNo));
        Assert.Contains("parser failed", ((Unparsed)events[0].ToEvent()!).Reason);
        Assert.Equal("parser produced no event", ((Unparsed)events[1].ToEvent()!).Reason);
        Assert.Equal("blank_line", ((ProtocolNote)events[2].ToEvent()!).Type);
        Assert.Equal([0xFF, 0xFE], events[3].Raw);
        Assert.Equal(RunStatus.Succeeded, _ledger.FindRun(_runId)!.Status);
    }

    [Fact]
    public void Stderr_lines_go_to_their_own_log_and_become_notices_in_order()
    {
        using (var recorder = Recorder())
        {
            recorder.AddStdoutLine("text:a"u8);
            recorder.AddStderrLine("warning: x"u8);
            recorder.AddStdoutLine("text:b"u8);
            recorder.Complete(0);
        }

        var events = _ledger.ReadEvents(_runId, 1, 10);

        Assert.Equal("warning: x\n", File.ReadAllText(_state.Paths.StderrLog(_runId)));
        Assert.Equal([(RunStream.Stdout, 1L), (RunStream.Stderr, 1L), (RunStream.Stdout, 2L)], events.Select(e => (e.Stream, e.LineNo)));
        Assert.Equal("warning: x", ((Notice)events[1].ToEvent()!).Message);
    }

    [Fact]
    public void Given_a_recorder_disposed_without_complete_When_reading_Then_pending_events_are_in_the_ledger()
    {
        using (var recorder = Recorder())
        {
            recorder.AddStdoutLine("session:s"u8);
        }

        Assert.Equal(1, _ledger.CountEvents(_runId));
        Assert.Equal("s", _ledger.FindRun(_runId)!.SessionId);
    }

    [Fact]
    public void Given_a_completed_recorder_When_fed_again_Then_it_refuses()
    {
        using var recorder = Recorder();
        recorder.Complete(0);

        Assert.Throws<InvalidOperationException>(() => recorder.AddStdoutLine("x"u8));
        Assert.Throws<InvalidOperationException>(() => recorder.Complete(0));
        recorder.Flush();
    }

    [Fact]
    public void Given_the_ledger_fails_once_When_completing_again_Then_nothing_is_lost_or_doubled()
    {
        var ledger = Substitute.For<IRunLedger>();
        var batches = new List<List<EventToAppend>>();
        var calls = 0;
        ledger.AppendEvents(default!, default!, default).ReturnsForAnyArgs(call =>
        {
            if (++calls == 1)
            {
                throw new LedgerException(LedgerProblem.Locked, "locked");
            }

            batches.Add([.. call.ArgAt<IReadOnlyList<EventToAppend>>(1)]);
            return new AppendResult(1, 1, 1);
        });
        ledger.FindRun(_runId).Returns(new RunRecord { Id = _runId, Agent = "claude" });
        var parser = new FakeParser();
        using var recorder = new RunRecorder(ledger, _runId, parser, _state.Paths, new RunRecorderOptions { Clock = _clock });
        recorder.AddStdoutLine("turn"u8);

        Assert.Throws<LedgerException>(() => recorder.Complete(1));
        recorder.Complete(1);

        Assert.Equal(1, parser.CompleteCalls);
        Assert.Equal([EventKinds.TurnStarted, EventKinds.TurnCompleted], batches.Single().Select(e => e.Event.Kind));
        Assert.Equal("turn\n", File.ReadAllText(_state.Paths.StdoutLog(_runId)));
    }

    [Fact]
    public void Given_an_existing_raw_log_with_a_torn_line_When_recording_resumes_Then_line_numbers_continue_after_it()
    {
        Directory.CreateDirectory(_state.Paths.RunDirectory(_runId));
        File.WriteAllText(_state.Paths.StdoutLog(_runId), "text:a\ntext:b");

        using var recorder = Recorder();
        recorder.AddStdoutLine("text:c"u8);
        recorder.Flush();

        Assert.Equal("text:a\ntext:b\ntext:c\n", File.ReadAllText(_state.Paths.StdoutLog(_runId)));
        Assert.Equal(3, _ledger.ReadEvents(_runId, 1, 10).Single().LineNo);
    }

    [Fact]
    public async Task Given_stdout_and_stderr_fed_from_two_threads_When_completed_Then_every_line_is_recorded_once()
    {
        using var recorder = Recorder(batch: 64);
        var stdout = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                recorder.AddStdoutLine(Events.Utf8($"text:{i}"));
            }
        });
        var stderr = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                recorder.AddStderrLine(Events.Utf8($"err {i}"));
            }
        });
        await Task.WhenAll(stdout, stderr);
        recorder.Complete(0);

        var events = _ledger.ReadEvents(_runId, 1, 10_000);
        Assert.Equal(4000, events.Count);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), events.Where(e => e.Stream == RunStream.Stdout).Select(e => e.LineNo));
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), events.Where(e => e.Stream == RunStream.Stderr).Select(e => e.LineNo));
        Assert.Equal(2000, File.ReadAllLines(_state.Paths.StderrLog(_runId)).Length);
    }

    [Fact]
    public void Given_text_with_apostrophes_markup_and_accents_When_recorded_Then_the_payload_keeps_them_unescaped_as_parse_prints_them()
    {
        using (var recorder = Recorder())
        {
            recorder.AddOwnEvent(new Notice("info", "don't <b>&</b> café \"q\"\n"));
            recorder.Complete(0);
        }

        var payload = _ledger.ReadEvents(_runId, 1, 10).Single().Payload;

        Assert.Contains("don't <b>&</b> café \\\"q\\\"\\n", payload, StringComparison.Ordinal);
        Assert.Equal(EventJson.Serialize(new Notice("info", "don't <b>&</b> café \"q\"\n")), payload);
    }
}
