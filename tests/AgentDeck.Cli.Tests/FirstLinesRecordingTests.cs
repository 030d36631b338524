using System.Text;
using AgentDeck.Agents;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Tests;

/// <summary>
/// A cold spawn's front end recording its worker's first lines from a real pipe into a real ledger: the lines are in
/// the ledger while the pipe still holds every byte for the host.
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
    public void Given_a_worker_that_printed_lines_When_recorded_and_stopped_Then_the_ledger_has_their_events_and_the_pipe_still_every_byte()
    {
        var transcript = File.ReadAllLines(Fixtures.Transcript("claude-02-tools.ndjson")).Take(3).ToArray();
        var output = Path.Combine(_directory, "output");
        File.WriteAllText(output, transcript[0] + "\n" + transcript[1] + "\n" + transcript[2][..10]);
        var run = _ledger.CreateRun(new NewRun("claude")).Id;
        using var worker = new ProcessRunner().StartForHandoff(
            ProcessSpec.For("/bin/sh", "-c", $"cat '{output}'; read go") with { Stdin = StdinMode.Pipe, Grouping = ProcessGrouping.NewSession }, Path.Combine(_directory, "exit.status"));
        try
        {
            using var recording = FirstLinesRecording.Start(
                worker, () => new RunRecorder(_ledger, run, AgentParsers.Create(AgentKind.Claude), _paths, new RunRecorderOptions { InterimStatus = RunStatus.Running }), () => { })
                ?? throw new InvalidOperationException("tee(2) is not available here");
            var deadline = DateTime.UtcNow + Patience;
            while (LoggedLines(run) < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first lines were never recorded");
                Thread.Sleep(10);
            }

            var (lines, bytes) = recording.Stop();

            Assert.Equal(2, lines);
            Assert.Equal(Encoding.UTF8.GetByteCount(transcript[0]) + Encoding.UTF8.GetByteCount(transcript[1]) + 2, bytes);
            Assert.Equal(transcript.Take(2), File.ReadAllLines(_paths.StdoutLog(run)));
            Assert.Equal([1L, 2L], _ledger.ReadEvents(run, 1, 100).Select(e => e.LineNo).Distinct());
            Assert.Equal(RunStatus.Running, _ledger.FindRun(run)!.Status);
            Assert.Equal((lines, bytes), recording.Stop());
        }
        finally
        {
            worker.Kill();
        }

        var pipe = new StreamReader(new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(worker.Descriptors[0].DangerousGetHandle(), ownsHandle: false), FileAccess.Read));
        Assert.Equal(transcript[0], pipe.ReadLine());
        Assert.Equal(transcript[1], pipe.ReadLine());
        Assert.Equal(transcript[2][..10], pipe.ReadToEnd());
    }

    private int LoggedLines(string run) => File.Exists(_paths.StdoutLog(run)) ? File.ReadAllLines(_paths.StdoutLog(run)).Length : 0;
}
