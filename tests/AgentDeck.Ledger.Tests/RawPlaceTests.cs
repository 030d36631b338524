using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

/// <summary>The recorder and the rebuilder keep each raw line once, in the run's raw log; the ledger keeps its place.</summary>
public sealed class RawPlaceTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly TempState _otherState = new();

    public void Dispose()
    {
        _state.Dispose();
        _otherState.Dispose();
    }

    [Fact]
    public void Given_a_run_recorded_next_to_its_ledger_When_read_with_raw_Then_the_bytes_come_from_the_raw_log()
    {
        using var ledger = _state.Open();
        var runId = Record(ledger, _state.Paths, "session:s", "!warn", "text:hi");

        Assert.Equal(["session:s", "text:hi", "warn"], RawTexts(ledger, runId));

        File.Delete(_state.Paths.StdoutLog(runId));
        var stored = ledger.ReadEvents(runId, 1, 100, includeRaw: true);
        Assert.Equal(["warn"], RawTexts(ledger, runId));
        Assert.Equal(ledger.CountEvents(runId), stored.Count);
    }

    [Fact]
    public void Given_raw_logs_in_another_directory_than_the_ledger_When_recorded_Then_raw_bytes_are_stored_inline()
    {
        using var ledger = _state.Open();
        var runId = Record(ledger, _otherState.Paths, "session:s", "text:hi");

        File.Delete(_otherState.Paths.StdoutLog(runId));

        Assert.Equal(["session:s", "text:hi"], RawTexts(ledger, runId));
    }

    [Fact]
    public void Given_a_rebuilt_run_When_read_with_raw_Then_its_raw_lines_are_places_in_the_log_too()
    {
        using var ledger = _state.Open();
        var runId = Record(ledger, _state.Paths, "session:s", "!warn", "text:hi");

        new LedgerRebuilder(ledger, _state.Paths, _ => new FakeParser()).Rebuild(runId);

        Assert.Equal(["session:s", "text:hi", "warn"], RawTexts(ledger, runId));
        File.Delete(_state.Paths.StderrLog(runId));
        Assert.Equal(["session:s", "text:hi"], RawTexts(ledger, runId));
    }

    [Fact]
    public void Given_a_second_recorder_on_a_log_with_a_torn_last_line_When_it_appends_Then_its_places_point_past_the_repair()
    {
        using var ledger = _state.Open();
        var runId = ledger.CreateRun(new NewRun("claude")).Id;
        using (var first = new RunRecorder(ledger, runId, new FakeParser(), _state.Paths))
        {
            first.AddStdoutLine(Events.Utf8("text:one"));
            first.Flush();
        }

        File.AppendAllText(_state.Paths.StdoutLog(runId), "torn");
        using (var second = new RunRecorder(ledger, runId, new FakeParser(), _state.Paths))
        {
            second.AddStdoutLine(Events.Utf8("text:two"));
            second.Complete(0);
        }

        var raws = ledger.ReadEvents(runId, 1, 100, includeRaw: true).Where(e => e.Raw is not null).ToList();
        Assert.Equal([(1L, "text:one"), (3L, "text:two")], raws.Select(e => (e.LineNo, System.Text.Encoding.UTF8.GetString(e.Raw!))));
    }

    [Fact]
    public void Given_lines_around_and_beyond_the_raw_logs_buffer_When_recorded_Then_the_log_holds_them_verbatim_and_every_place_points_at_its_line()
    {
        // The raw log buffers 64 KiB: lines that fill it to the byte, cross it, or are longer than it.
        int[] sizes = [10, 70_000, 5, 65_535 - 17, 65_535, 65_536, 1, 130_000, 0, 3, 64 * 1024 - 1];
        var lines = sizes.Select((size, i) => "text:" + new string((char)('a' + i), size)).ToArray();
        using var ledger = _state.Open();
        var runId = ledger.CreateRun(new NewRun("claude")).Id;
        using (var recorder = new RunRecorder(ledger, runId, new FakeParser(), _state.Paths))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                recorder.AddStdoutLine(Events.Utf8(lines[i]));
                if (i == 6)
                {
                    // A commit in the middle flushes a partly filled buffer.
                    recorder.Flush();
                }
            }

            recorder.Complete(0);
        }

        Assert.Equal(string.Concat(lines.Select(line => line + "\n")), File.ReadAllText(_state.Paths.StdoutLog(runId)));
        var raws = ledger.ReadEvents(runId, 1, 100, includeRaw: true).Where(e => e.Raw is not null).ToList();
        Assert.Equal(lines, raws.Select(e => System.Text.Encoding.UTF8.GetString(e.Raw!)));
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(n => (long)n), raws.Select(e => e.LineNo));
    }

    private static string Record(SqliteRunLedger ledger, AgentDeckPaths paths, params string[] lines)
    {
        var runId = ledger.CreateRun(new NewRun("claude")).Id;
        using var recorder = new RunRecorder(ledger, runId, new FakeParser(), paths);
        foreach (var line in lines)
        {
            if (line.StartsWith('!'))
            {
                recorder.AddStderrLine(Events.Utf8(line[1..]));
            }
            else
            {
                recorder.AddStdoutLine(Events.Utf8(line));
            }
        }

        recorder.Complete(0);
        return runId;
    }

    private static List<string> RawTexts(SqliteRunLedger ledger, string runId) =>
        ledger.ReadEvents(runId, 1, 100, includeRaw: true)
            .Where(e => e.Raw is not null)
            .Select(e => System.Text.Encoding.UTF8.GetString(e.Raw!))
            .Order(StringComparer.Ordinal)
            .ToList();
}
