using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger;

/// <summary>
/// <c>agentdeck ledger rebuild</c>: replaces a run's events with a fresh parse of its raw logs and recomputes the
/// run's figures, all in one transaction, so a better parser can be applied to old runs and a damaged event table
/// repaired. The raw logs are only read.
/// </summary>
public sealed class LedgerRebuilder
{
    private const int BatchEvents = 512;

    private readonly SqliteRunLedger _ledger;
    private readonly AgentDeckPaths _paths;
    private readonly Func<string, IAgentStreamParser?> _parserForAgent;
    private readonly IPriceBook? _prices;

    /// <param name="parserForAgent">A fresh parser for an agent's wire name, or null when there is none.</param>
    public LedgerRebuilder(SqliteRunLedger ledger, AgentDeckPaths paths, Func<string, IAgentStreamParser?> parserForAgent, IPriceBook? prices = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _paths = paths ?? throw new ArgumentNullException(nameof(paths));
        _parserForAgent = parserForAgent ?? throw new ArgumentNullException(nameof(parserForAgent));
        _prices = prices;
    }

    /// <param name="allowUnfinished">Rebuild a run that is not marked finished (its process must be gone).</param>
    public RebuildResult Rebuild(string runIdOrPrefix, bool allowUnfinished = false)
    {
        var run = _ledger.ResolveRun(runIdOrPrefix);
        if (!run.Status.IsFinal() && !allowUnfinished)
        {
            throw new LedgerException(LedgerProblem.RunNotFinished,
                $"run {run.Id} is still {run.Status.ToName()}: rebuild it after it ends, or force it if its process is gone");
        }

        var stdoutPath = _paths.StdoutLog(run.Id);
        if (!File.Exists(stdoutPath))
        {
            throw new LedgerException(LedgerProblem.RawLogMissing,
                $"run {run.Id} has no raw log at {stdoutPath}: it cannot be rebuilt (its events were left as they are)");
        }

        var parser = _parserForAgent(run.Agent) ?? throw new LedgerException(LedgerProblem.NoParser,
            $"run {run.Id} was recorded from agent '{run.Agent}', which this AgentDeck cannot parse: upgrade AgentDeck");
        var stderrLines = ReadStderr(_paths.StderrLog(run.Id));
        // Raw lines are stored as places in the logs when this ledger reads its logs from the same directory.
        var logsAreTheLedgers = _ledger.StatePaths.StateDirectory == _paths.StateDirectory;

        return _ledger.Write(writer =>
        {
            var layout = new LineLayout();
            writer.ReadLayout(run.Id, layout.Visit);
            writer.DeleteEvents(run.Id);

            var batch = new Batch(writer, run.Id, logsAreTheLedgers);
            var tally = new RunTally(_prices);
            var parsed = new List<AgentEvent>(8);
            var stderrPlaced = new bool[stderrLines.Count];
            var lastTime = run.StartedAt.ToUnixTimeMilliseconds();

            // stdout line number -> the stderr lines that followed it, in order.
            var stderrByAnchor = new Dictionary<long, List<int>>();
            for (var i = 0; i < stderrLines.Count; i++)
            {
                if (layout.Stderr(i + 1) is { } place)
                {
                    if (!stderrByAnchor.TryGetValue(place.After, out var list))
                    {
                        stderrByAnchor[place.After] = list = [];
                    }

                    list.Add(i);
                }
            }

            void AddStderrAfter(long stdoutLine)
            {
                if (stderrByAnchor.Remove(stdoutLine, out var indexes))
                {
                    foreach (var i in indexes)
                    {
                        stderrPlaced[i] = true;
                        AddStderr(i, layout.Stderr(i + 1)!.Value.Time);
                    }
                }
            }

            void AddStderr(int index, long time)
            {
                var (line, offset) = stderrLines[index];
                var e = LineEvents.FromStderr(line);
                tally.Apply(e);
                batch.Add(new EventToAppend(e, RunStream.Stderr, index + 1, RunRows.Time(time), line), new RawPlace(offset, line.Length));
            }

            AddStderrAfter(0);
            long stdoutOffset = 0;
            var stdoutCount = RawLog.ForEachLine(stdoutPath, (line, lineNo) =>
            {
                var place = new RawPlace(stdoutOffset, line.Length);
                stdoutOffset += line.Length + 1;
                parsed.Clear();
                LineEvents.FromStdout(parser, line, parsed);
                lastTime = layout.StdoutTime(lineNo) ?? lastTime;
                var raw = logsAreTheLedgers ? (ReadOnlyMemory<byte>?)null : line.ToArray();
                for (var i = 0; i < parsed.Count; i++)
                {
                    tally.Apply(parsed[i]);
                    batch.Add(new EventToAppend(parsed[i], RunStream.Stdout, lineNo, RunRows.Time(lastTime), i == 0 ? raw : null), i == 0 ? place : RawPlace.None);
                }

                if (stderrByAnchor.Count > 0)
                {
                    AddStderrAfter(lineNo);
                }
            });

            for (var i = 0; i < stderrLines.Count; i++)
            {
                if (!stderrPlaced[i])
                {
                    AddStderr(i, layout.Stderr(i + 1)?.Time ?? lastTime);
                }
            }

            var ended = run.EndedAt is not null || run.Status.IsFinal();
            var aggregates = RunAggregates.From(tally);
            if (ended)
            {
                parsed.Clear();
                LineEvents.Complete(parser, run.ExitCode, parsed);
                var endTime = run.EndedAt ?? RunRows.Time(lastTime);
                foreach (var e in parsed)
                {
                    tally.Apply(e);
                    batch.Add(new EventToAppend(e, RunStream.Stdout, 0, endTime), RawPlace.None);
                }

                aggregates = RunOutcome.Final(tally, run.ExitCode, endTime);
                if (run.Status is RunStatus.Stopped or RunStatus.Lost)
                {
                    // Only a supervisor stops a run, and only the loss of its supervisor makes it lost (nobody saw its
                    // end); the stream cannot tell either, so that word stands.
                    aggregates = aggregates with { Status = run.Status, FailureReason = run.FailureReason };
                }
            }

            var lastSeq = batch.Drain();
            var now = _ledger.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            writer.SetEventCount(run.Id, lastSeq, now);
            writer.WriteAggregates(run.Id, aggregates, now);
            return new RebuildResult(run.Id, stdoutCount, stderrLines.Count, lastSeq, aggregates.Status);
        });
    }

    /// <summary>Each stderr line with its offset in the log (lines end in one <c>\n</c>).</summary>
    private static List<(byte[] Line, long Offset)> ReadStderr(string path)
    {
        var lines = new List<(byte[], long)>();
        long offset = 0;
        if (File.Exists(path))
        {
            RawLog.ForEachLine(path, (line, _) =>
            {
                lines.Add((line.ToArray(), offset));
                offset += line.Length + 1;
            });
        }

        return lines;
    }

    /// <summary>Events inserted in chunks inside the rebuild's one transaction.</summary>
    private sealed class Batch(LedgerWriter writer, string runId, bool storePlaces)
    {
        private readonly List<EventToAppend> _items = new(BatchEvents);
        private readonly List<RawPlace> _places = new(BatchEvents);
        private long _lastSeq;

        public void Add(EventToAppend item, RawPlace place)
        {
            _items.Add(item);
            _places.Add(storePlaces ? place : RawPlace.None);
            if (_items.Count >= BatchEvents)
            {
                Drain();
            }
        }

        public long Drain()
        {
            if (_items.Count > 0)
            {
                _lastSeq = writer.Insert(runId, _lastSeq + 1, _items, _places);
                _items.Clear();
                _places.Clear();
            }

            return _lastSeq;
        }
    }
}
