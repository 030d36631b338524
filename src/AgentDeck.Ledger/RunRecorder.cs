using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger;

/// <summary>
/// The ingest pipeline of one run: every raw line is appended verbatim to the run's <c>stdout.log</c> or
/// <c>stderr.log</c>, parsed into events, folded into a <see cref="RunTally"/> and written to the ledger in batches
/// (one transaction per batch, with the run's aggregate columns). The raw log is flushed before each batch is
/// committed, so whatever a crash loses from the ledger can be rebuilt from the log. When the ledger is the
/// <see cref="SqliteRunLedger"/> of the same state directory, events keep only the raw line's place in the log instead
/// of a second copy of its bytes. Safe to feed stdout and stderr from two threads.
/// </summary>
public sealed class RunRecorder : IDisposable
{
    private const int InitialArenaBytes = 256 * 1024;

    /// <summary>A live worker commits a few events per tick: the pending lists grow to a big batch only when one comes.</summary>
    private const int InitialPendingCapacity = 256;

    private readonly Lock _gate = new();
    private readonly IRunLedger _ledger;
    private readonly IAgentStreamParser _parser;
    private readonly RunRecorderOptions _options;
    private readonly RawLogWriter _stdoutLog;
    private readonly RawLogWriter _stderrLog;
    private readonly List<EventToAppend> _pending;
    private readonly List<AgentEvent> _parsed = new(8);

    /// <summary>Set when raw lines are stored as places in the logs; then <see cref="_rawPlaces"/> runs beside <see cref="_pending"/>.</summary>
    private readonly SqliteRunLedger? _placesLedger;
    private readonly List<RawPlace> _rawPlaces;
    private readonly string _stdoutLogPath;
    private readonly long _stdoutLinesAtOpen;
    private List<byte[]>? _recordedStdout;
    private int _replayedStdoutLines;
    private byte[] _arena = new byte[InitialArenaBytes];
    private int _arenaUsed;
    private long _pendingBytes;
    private bool _parserCompleted;
    private bool _completed;
    private bool _closed;

    public RunRecorder(IRunLedger ledger, string runId, IAgentStreamParser parser, AgentDeckPaths paths, RunRecorderOptions? options = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _parser = parser ?? throw new ArgumentNullException(nameof(parser));
        ArgumentNullException.ThrowIfNull(paths);
        _options = options ?? new RunRecorderOptions();
        if (_options.BatchEvents < 1 || _options.BatchBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "batch limits must be positive");
        }

        RunId = runId;
        Tally = new RunTally(_options.Prices);
        var capacity = Math.Min(_options.BatchEvents + 8, InitialPendingCapacity);
        _pending = new List<EventToAppend>(capacity);
        _rawPlaces = new List<RawPlace>(capacity);
        if (ledger is SqliteRunLedger sqlite && sqlite.StatePaths.StateDirectory == paths.StateDirectory)
        {
            _placesLedger = sqlite;
        }

        OwnerOnly.CreateFolder(paths.RunDirectory(runId));
        _stdoutLogPath = paths.StdoutLog(runId);
        (_stdoutLog, StdoutLines) = RawLog.OpenForAppend(_stdoutLogPath);
        try
        {
            (_stderrLog, StderrLines) = RawLog.OpenForAppend(paths.StderrLog(runId));
        }
        catch
        {
            _stdoutLog.Dispose();
            throw;
        }

        _stdoutLinesAtOpen = StdoutLines;
    }

    public string RunId { get; }

    /// <summary>The run's figures so far. Read it from the thread that feeds the recorder.</summary>
    public RunTally Tally { get; }

    /// <summary>Lines in stdout.log (the last line number used).</summary>
    public long StdoutLines { get; private set; }

    public long StderrLines { get; private set; }

    /// <summary>Events parsed but not yet committed to the ledger.</summary>
    public int PendingEvents
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>One line of the agent's stdout, without its line terminator.</summary>
    public void AddStdoutLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            var lineNo = ++StdoutLines;
            var offset = _stdoutLog.Position;
            _stdoutLog.AppendLine(line);
            _parsed.Clear();
            LineEvents.FromStdout(_parser, line, _parsed);
            var raw = Keep(line);
            var now = _options.Clock.GetUtcNow();
            for (var i = 0; i < _parsed.Count; i++)
            {
                Add(new EventToAppend(_parsed[i], RunStream.Stdout, lineNo, now, i == 0 ? raw : null), i == 0 ? new RawPlace(offset, line.Length) : RawPlace.None);
            }

            FlushIfFull();
        }
    }

    /// <summary>
    /// One of the first stdout lines that another process recorded already (its raw line is in stdout.log, its events
    /// in the ledger: a front end that recorded a cold spawn's first output while the host started). When it equals the
    /// next line stdout.log held when this recorder opened it, it is parsed again, so that the parser's state and the
    /// tally go on from it, and written nowhere. False, with nothing done, for any other line, past those lines, or once
    /// a line was added: record it (and every later one) with <see cref="AddStdoutLine"/>.
    /// </summary>
    public bool TryReplayRecordedStdoutLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            if (_replayedStdoutLines >= _stdoutLinesAtOpen || StdoutLines != _stdoutLinesAtOpen)
            {
                return false;
            }

            _recordedStdout ??= ReadRecordedStdout();
            if (_replayedStdoutLines >= _recordedStdout.Count || !line.SequenceEqual(_recordedStdout[_replayedStdoutLines]))
            {
                return false;
            }

            _recordedStdout[_replayedStdoutLines++] = [];
            _parsed.Clear();
            LineEvents.FromStdout(_parser, line, _parsed);
            foreach (var e in _parsed)
            {
                Tally.Apply(e);
            }

            return true;
        }
    }

    /// <summary>One line of the agent's stderr, without its line terminator.</summary>
    public void AddStderrLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            var lineNo = ++StderrLines;
            var offset = _stderrLog.Position;
            _stderrLog.AppendLine(line);
            Add(new EventToAppend(LineEvents.FromStderr(line), RunStream.Stderr, lineNo, _options.Clock.GetUtcNow(), Keep(line)), new RawPlace(offset, line.Length));
            FlushIfFull();
        }
    }

    /// <summary>An event AgentDeck itself adds to the run (from no line of the agent's): line 0, no raw text.</summary>
    public void AddOwnEvent(AgentEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_gate)
        {
            ThrowIfCompleted();
            Add(new EventToAppend(e, RunStream.Stdout, 0, _options.Clock.GetUtcNow()), RawPlace.None);
        }
    }

    /// <summary>
    /// Flushes the raw logs and commits pending events with the run's current figures. A no-op once the run is
    /// completed, so a timer may keep calling it.
    /// </summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_completed || _closed)
            {
                return;
            }

            FlushPending(Interim());
        }
    }

    /// <summary>
    /// The stream ended: lets the parser close what the protocol left open, commits everything and sets the run's
    /// final status, exit code and end time. If the ledger write fails it may be called again; nothing is lost.
    /// </summary>
    public RunRecord Complete(int? exitCode)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            var now = _options.Clock.GetUtcNow();
            if (!_parserCompleted)
            {
                _parsed.Clear();
                LineEvents.Complete(_parser, exitCode, _parsed);
                foreach (var e in _parsed)
                {
                    Add(new EventToAppend(e, RunStream.Stdout, 0, now), RawPlace.None);
                }

                _parserCompleted = true;
            }

            FlushPending(RunOutcome.Final(Tally, exitCode, now));
            _completed = true;
            CloseLogs();
            return _ledger.FindRun(RunId) ?? throw new LedgerException(LedgerProblem.UnknownRun, $"run {RunId} vanished from the ledger while it was recorded");
        }
    }

    /// <summary>Commits what is pending (a run that never completes keeps every line it got) and closes the raw logs.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            try
            {
                if (!_completed && _pending.Count > 0)
                {
                    FlushPending(Interim());
                }
            }
            finally
            {
                CloseLogs();
            }
        }
    }

    /// <summary>The lines stdout.log held at open (nothing was appended since: the replay comes first).</summary>
    private List<byte[]> ReadRecordedStdout()
    {
        var lines = new List<byte[]>((int)Math.Min(_stdoutLinesAtOpen, 4096));
        RawLog.ForEachLine(_stdoutLogPath, (line, lineNo) =>
        {
            if (lineNo <= _stdoutLinesAtOpen)
            {
                lines.Add(line.ToArray());
            }
        });
        return lines;
    }

    /// <summary>The figures a commit before the end writes: the tally's, under the status the options impose, if any.</summary>
    private RunAggregates Interim() =>
        _options.InterimStatus is { } status
            ? RunAggregates.From(Tally) with { Status = status, FailureReason = null }
            : RunAggregates.From(Tally);

    private void Add(in EventToAppend item, RawPlace rawPlace)
    {
        Tally.Apply(item.Event);
        _pending.Add(item);
        _rawPlaces.Add(rawPlace);
    }

    private void FlushIfFull()
    {
        if (_pending.Count >= _options.BatchEvents || _pendingBytes >= _options.BatchBytes)
        {
            FlushPending(Interim());
        }
    }

    private void FlushPending(RunAggregates aggregates)
    {
        // Raw bytes reach the file before their events reach the ledger: the log is the source a rebuild trusts.
        _stdoutLog.Flush();
        _stderrLog.Flush();
        if (_placesLedger is not null)
        {
            _placesLedger.AppendEvents(RunId, _pending, _rawPlaces, aggregates);
        }
        else
        {
            _ledger.AppendEvents(RunId, _pending, aggregates);
        }

        _pending.Clear();
        _rawPlaces.Clear();
        _pendingBytes = 0;
        _arenaUsed = 0;
        if (_arena.Length > 2 * Math.Max(InitialArenaBytes, _options.BatchBytes))
        {
            _arena = new byte[InitialArenaBytes];
        }
    }

    /// <summary>
    /// Copies a line into the batch's arena so that the caller may reuse its buffer at once; null when the ledger keeps
    /// the line's place in the log instead.
    /// </summary>
    private ReadOnlyMemory<byte>? Keep(ReadOnlySpan<byte> line)
    {
        if (_placesLedger is not null)
        {
            _pendingBytes += line.Length;
            return null;
        }

        if (_arenaUsed + line.Length > _arena.Length)
        {
            // Slices already handed out keep the old array alive until the batch is committed.
            _arena = new byte[Math.Max(_arena.Length * 2, line.Length)];
            _arenaUsed = 0;
        }

        var memory = _arena.AsMemory(_arenaUsed, line.Length);
        line.CopyTo(memory.Span);
        _arenaUsed += line.Length;
        _pendingBytes += line.Length;
        return memory;
    }

    private void ThrowIfCompleted()
    {
        if (_completed || _closed)
        {
            throw new InvalidOperationException($"run {RunId} is no longer being recorded");
        }
    }

    private void CloseLogs()
    {
        _closed = true;
        _stdoutLog.Dispose();
        _stderrLog.Dispose();
    }
}
