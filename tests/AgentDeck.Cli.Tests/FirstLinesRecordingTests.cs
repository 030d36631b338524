using AgentDeck.Agents;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Tests;

/// <summary>
/// A cold spawn's front end recording its worker's first lines from a capture file into a real ledger: complete lines
/// are in the ledger, a line without its newline yet is left for the host, and the capture is never touched.
/// </summary>
public sealed class FirstLinesRecordingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("adfirstlines-").FullName;
    private readonly AgentDeckPaths _paths;
    private readonly SqliteRunLedger _ledger;

    public FirstLinesRecordingTests()
    {
        _paths = new AgentDeckPaths(_directory);
        _ledger = SqliteRunLedger.Open(_paths);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Given_a_worker_that_printed_lines_When_recorded_and_stopped_Then_the_ledger_has_the_complete_lines_and_the_capture_every_byte()
    {
        var transcript = File.ReadAllLines(Fixtures.Transcript("claude-02-tools.ndjson")).Take(3).ToArray();
        var capture = Path.Combine(_directory, "capture.stdout");
        var printed = transcript[0] + "\n" + transcript[1] + "\n" + transcript[2][..10];
        var run = _ledger.CreateRun(new NewRun("claude")).Id;

        using var recording = FirstLinesRecording.Start(
            capture, () => false, () => new RunRecorder(_ledger, run, AgentParsers.Create(AgentKind.Claude), _paths, new RunRecorderOptions { InterimStatus = RunStatus.Running }), () => { });
        File.WriteAllText(capture, printed);
        var deadline = DateTime.UtcNow + Patience;
        while (LoggedLines(run) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the first lines were never recorded");
            Thread.Sleep(10);
        }

        var lines = recording.Stop();

        Assert.Equal(2, lines);
        Assert.Equal(transcript.Take(2), File.ReadAllLines(_paths.StdoutLog(run)));
        Assert.Equal([1L, 2L], _ledger.ReadEvents(run, 1, 100).Select(e => e.LineNo).Distinct());
        Assert.Equal(RunStatus.Running, _ledger.FindRun(run)!.Status);
        Assert.Equal(lines, recording.Stop());
        Assert.Equal(printed, File.ReadAllText(capture));
    }

    private int LoggedLines(string run) => File.Exists(_paths.StdoutLog(run)) ? File.ReadAllLines(_paths.StdoutLog(run)).Length : 0;
}
