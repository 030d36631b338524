using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger;

/// <summary>
/// A run's stdout.log cut back to the lines whose events the ledger holds. A recorder writes a line's raw bytes before
/// it commits the line's events; a process that died (or whose ledger write failed) in between leaves lines in the log
/// that no event covers. Before another recorder goes on from that log, replaying what is recorded, those lines go:
/// they are still in the pipe the next recorder reads (the first recorder only looked into it), so they come again.
/// </summary>
public static class CommittedStdout
{
    /// <summary>Events read back to find the last stdout line committed (a line's events are committed together).</summary>
    private const int EventsToScan = 64;

    /// <summary>Cuts stdout.log after its last line with a committed event; returns the lines it keeps.</summary>
    public static long TrimLog(IRunLedger ledger, AgentDeckPaths paths, string runId)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(paths);
        var path = paths.StdoutLog(runId);
        if (!File.Exists(path))
        {
            return 0;
        }

        var committed = ledger.ReadLastEvents(runId, EventsToScan).Where(e => e.Stream == RunStream.Stdout).Select(e => e.LineNo).DefaultIfEmpty(0).Max();
        var bytes = File.ReadAllBytes(path);
        long lines = 0;
        var keep = 0;
        while (lines < committed && keep < bytes.Length)
        {
            var newline = bytes.AsSpan(keep).IndexOf((byte)'\n');
            keep = newline < 0 ? bytes.Length : keep + newline + 1;
            lines++;
        }

        if (keep < bytes.Length)
        {
            using var log = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            log.SetLength(keep);
        }

        return lines;
    }
}
