using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

/// <summary>Real agent transcripts through the recorder and back through a rebuild: bytes kept exactly, line for line.</summary>
public sealed class RunRecorderTranscriptTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly SqliteRunLedger _ledger;

    public RunRecorderTranscriptTests() => _ledger = _state.Open();

    public static TheoryData<string> Transcripts() => new(Fixtures.Transcripts());

    public void Dispose()
    {
        _ledger.Dispose();
        _state.Dispose();
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Given_a_real_transcript_When_recorded_and_rebuilt_Then_every_line_is_kept_verbatim(string transcript)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.TranscriptsDirectory, transcript));
        var lines = SplitLines(bytes);
        var runId = _ledger.CreateRun(new NewRun("claude")).Id;
        using (var recorder = new RunRecorder(_ledger, runId, new FakeParser(), _state.Paths, new RunRecorderOptions { BatchEvents = 5 }))
        {
            foreach (var line in lines)
            {
                recorder.AddStdoutLine(line);
            }

            recorder.Complete(0);
        }

        var recorded = _ledger.ReadEvents(runId, 1, 100_000, includeRaw: true);
        new LedgerRebuilder(_ledger, _state.Paths, _ => new FakeParser()).Rebuild(runId);
        var rebuilt = _ledger.ReadEvents(runId, 1, 100_000, includeRaw: true);

        Assert.Equal(bytes, File.ReadAllBytes(_state.Paths.StdoutLog(runId)));
        var firstOfLine = recorded.Where(e => e.Raw is not null).ToList();
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), firstOfLine.Select(e => e.LineNo));
        Assert.Equal(lines.Select(Convert.ToHexString), firstOfLine.Select(e => Convert.ToHexString(e.Raw!)));
        Assert.Equal(recorded.Select(e => (e.Seq, e.LineNo, e.Kind, e.Payload)), rebuilt.Select(e => (e.Seq, e.LineNo, e.Kind, e.Payload)));
    }

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        Assert.Equal(bytes.Length, start);
        return lines;
    }
}
