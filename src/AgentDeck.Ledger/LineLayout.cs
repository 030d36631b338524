namespace AgentDeck.Ledger;

/// <summary>
/// What a run's old events tell about its raw lines: when each arrived and, for stderr, which stdout line it followed.
/// The raw logs keep bytes but no times and no interleaving, so a rebuild borrows both from the events it replaces.
/// </summary>
internal sealed class LineLayout
{
    private readonly Dictionary<long, long> _stdoutTimes = new();
    private readonly Dictionary<long, (long After, long Time)> _stderr = new();
    private long _lastStdoutLine;

    public void Visit(bool isStderr, long lineNo, long time)
    {
        if (lineNo <= 0)
        {
            return;
        }

        if (isStderr)
        {
            _stderr.TryAdd(lineNo, (_lastStdoutLine, time));
        }
        else
        {
            _lastStdoutLine = lineNo;
            _stdoutTimes.TryAdd(lineNo, time);
        }
    }

    public long? StdoutTime(long lineNo) => _stdoutTimes.TryGetValue(lineNo, out var time) ? time : null;

    /// <summary>The stdout line a stderr line came after (0: before any), or null when the old events do not say.</summary>
    public (long After, long Time)? Stderr(long lineNo) => _stderr.TryGetValue(lineNo, out var place) ? place : null;
}
