using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

/// <summary>
/// A cold spawn's run recorded by two processes: the front end records the first lines while the host starts, then
/// the host's recorder replays those (parsed again, written nowhere) and records the rest. The run must look exactly
/// as if one recorder had taken every line.
/// </summary>
public sealed class RecordedLinesReplayTests : IDisposable
{
    private static readonly string[] Lines =
    [
        "session:s1", "turn", "text:hello", "tool:c1:src/a.cs", "usage:100:20", "text:more", "tool:c2:src/b.cs", "cost:0.25", "done",
    ];

    private readonly TempState _state = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
    private readonly SqliteRunLedger _ledger;

    public RecordedLinesReplayTests() => _ledger = _state.Open(new LedgerOptions { Clock = _clock });

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    public void Given_the_first_lines_recorded_by_another_recorder_When_the_next_one_replays_them_and_records_the_rest_Then_the_run_is_as_if_one_recorder_took_all(int firstRecorded)
    {
        var split = _ledger.CreateRun(new NewRun("claude")).Id;
        var whole = _ledger.CreateRun(new NewRun("claude")).Id;
        using (var frontEnd = Recorder(split))
        {
            foreach (var line in Lines.Take(firstRecorded))
            {
                frontEnd.AddStdoutLine(Bytes(line));
            }

            frontEnd.Flush();
        }

        RunRecord splitRecord;
        using (var host = Recorder(split))
        {
            foreach (var line in Lines)
            {
                if (!host.TryReplayRecordedStdoutLine(Bytes(line)))
                {
                    host.AddStdoutLine(Bytes(line));
                }
            }

            splitRecord = host.Complete(0);
        }

        RunRecord wholeRecord;
        using (var one = Recorder(whole))
        {
            foreach (var line in Lines)
            {
                one.AddStdoutLine(Bytes(line));
            }

            wholeRecord = one.Complete(0);
        }

        Assert.Equal(File.ReadAllBytes(_state.Paths.StdoutLog(whole)), File.ReadAllBytes(_state.Paths.StdoutLog(split)));
        var splitEvents = _ledger.ReadEvents(split, 1, 100, includeRaw: true);
        var wholeEvents = _ledger.ReadEvents(whole, 1, 100, includeRaw: true);
        Assert.Equal(Enumerable.Range(1, splitEvents.Count).Select(i => (long)i), splitEvents.Select(e => e.Seq));
        Assert.Equal(wholeEvents.Select(e => (e.LineNo, e.Kind, Raw: e.Raw is null ? null : Convert.ToHexString(e.Raw))),
            splitEvents.Select(e => (e.LineNo, e.Kind, Raw: e.Raw is null ? null : Convert.ToHexString(e.Raw))));
        Assert.Equal(Enumerable.Range(1, Lines.Length).Select(i => (long)i), splitEvents.Select(e => e.LineNo).Where(n => n > 0).Distinct());
        Assert.Equal((wholeRecord.Tokens, wholeRecord.CostUsd, wholeRecord.ToolCalls, wholeRecord.Status, wholeRecord.SessionId, wholeRecord.EventCount),
            (splitRecord.Tokens, splitRecord.CostUsd, splitRecord.ToolCalls, splitRecord.Status, splitRecord.SessionId, splitRecord.EventCount));
        Assert.Equal(wholeRecord.FilesTouched, splitRecord.FilesTouched);
        Assert.Equal(2, splitRecord.ToolCalls);
        Assert.Equal(0.25m, splitRecord.CostUsd);
    }

    [Fact]
    public void Given_an_interim_status_When_a_finished_turn_is_committed_Then_the_run_shows_that_status_with_the_figures_until_it_completes()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        using var recorder = new RunRecorder(_ledger, run, new FakeParser(), _state.Paths,
            new RunRecorderOptions { Clock = _clock, InterimStatus = RunStatus.Running });
        recorder.AddStdoutLine("turn"u8);
        recorder.AddStdoutLine("fail:boom"u8);
        recorder.AddStdoutLine("cost:0.5"u8);
        recorder.Flush();

        var interim = _ledger.FindRun(run)!;
        var final = recorder.Complete(1);

        Assert.Equal((RunStatus.Running, (string?)null, 0.5m), (interim.Status, interim.FailureReason, interim.CostUsd));
        Assert.Equal(RunStatus.Failed, final.Status);
    }

    [Fact]
    public void Given_a_raw_log_with_lines_no_event_covers_When_trimmed_Then_it_ends_after_the_last_committed_line()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        using (var frontEnd = Recorder(run))
        {
            frontEnd.AddStdoutLine("session:s1"u8);
            frontEnd.AddStdoutLine("turn"u8);
        }

        File.AppendAllText(_state.Paths.StdoutLog(run), "text:logged but never committed\ntext:half");

        Assert.Equal(2, CommittedStdout.TrimLog(_ledger, _state.Paths, run));
        Assert.Equal("session:s1\nturn\n", File.ReadAllText(_state.Paths.StdoutLog(run)));
        Assert.Equal(2, CommittedStdout.TrimLog(_ledger, _state.Paths, run));
    }

    [Fact]
    public void Given_a_run_with_no_event_When_its_log_is_trimmed_Then_it_is_emptied()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        Directory.CreateDirectory(_state.Paths.RunDirectory(run));
        File.WriteAllText(_state.Paths.StdoutLog(run), "session:s1\n");

        Assert.Equal(0, CommittedStdout.TrimLog(_ledger, _state.Paths, run));
        Assert.Equal("", File.ReadAllText(_state.Paths.StdoutLog(run)));
    }

    [Fact]
    public void Given_a_line_that_differs_from_the_raw_logs_When_replayed_Then_it_is_refused_and_so_is_every_later_one_after_a_line_was_added()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        using (var frontEnd = Recorder(run))
        {
            frontEnd.AddStdoutLine("session:s1"u8);
            frontEnd.AddStdoutLine("turn"u8);
        }

        using var host = Recorder(run);

        Assert.False(host.TryReplayRecordedStdoutLine("session:s2"u8));
        Assert.True(host.TryReplayRecordedStdoutLine("session:s1"u8));
        host.AddStdoutLine("text:x"u8);
        Assert.False(host.TryReplayRecordedStdoutLine("turn"u8));
    }

    [Fact]
    public void Given_a_raw_log_with_fewer_lines_When_more_are_replayed_Then_the_extra_ones_are_refused_so_the_caller_records_them()
    {
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        using (var frontEnd = Recorder(run))
        {
            frontEnd.AddStdoutLine("session:s1"u8);
        }

        using var host = Recorder(run);

        Assert.True(host.TryReplayRecordedStdoutLine("session:s1"u8));
        Assert.False(host.TryReplayRecordedStdoutLine("turn"u8));
        Assert.Equal(1, host.StdoutLines);
    }

    private RunRecorder Recorder(string runId) =>
        new(_ledger, runId, new FakeParser(), _state.Paths, new RunRecorderOptions { Clock = _clock });

    private static byte[] Bytes(string line) => System.Text.Encoding.UTF8.GetBytes(line);
}
