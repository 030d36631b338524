using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using SQLitePCL;

namespace AgentDeck.Ledger;

/// <summary>
/// The write side of one connection: prepared statements reused for every batch, events numbered inside the
/// write transaction (<c>BEGIN IMMEDIATE</c> takes the write lock first, so concurrent writers queue instead of
/// colliding on seq) and packed into <c>event_chunks</c> rows (see <see cref="EventChunkFormat"/>).
/// </summary>
internal sealed class LedgerWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly NativeStatement _begin;
    private readonly NativeStatement _commit;
    private readonly NativeStatement _rollback;
    private readonly NativeStatement _lastSeq;
    private readonly NativeStatement _insert;
    private readonly NativeStatement _setEventCount;
    private readonly NativeStatement _deleteEvents;
    private readonly NativeStatement _countEvents;
    private readonly NativeStatement _aggregates;
    private readonly NativeStatement _layout;
    private readonly EventPayloadBuffer _payloads = new();
    private const int MaxKindsByReference = 256;

    private readonly Dictionary<string, byte[]> _kindNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _kindsByReference = new(ReferenceEqualityComparer.Instance);
    private readonly List<EventChunkWriter> _chunks = [];
    private int _chunksUsed;

    public LedgerWriter(sqlite3 db)
    {
        _db = db;
        _begin = new NativeStatement(db, "BEGIN IMMEDIATE");
        _commit = new NativeStatement(db, "COMMIT");
        _rollback = new NativeStatement(db, "ROLLBACK");
        _lastSeq = new NativeStatement(db,
            "SELECT (SELECT COALESCE(MAX(last_seq), 0) FROM event_chunks WHERE run_id = ?1) FROM runs WHERE id = ?1");
        _insert = new NativeStatement(db, "INSERT INTO event_chunks (run_id, first_seq, last_seq, events) VALUES (?1, ?2, ?3, ?4)");
        _setEventCount = new NativeStatement(db, "UPDATE runs SET event_count = ?2, updated_at = ?3 WHERE id = ?1");
        _deleteEvents = new NativeStatement(db, "DELETE FROM event_chunks WHERE run_id = ?1");
        _countEvents = new NativeStatement(db, "SELECT COALESCE(SUM(last_seq - first_seq + 1), 0) FROM event_chunks WHERE run_id = ?1");
        _aggregates = new NativeStatement(db, """
            UPDATE runs SET status = ?2, failure_reason = ?3, session_id = COALESCE(?4, session_id),
                model = COALESCE(?5, model), final_text = ?6, tokens_input = ?7, tokens_cached_input = ?8,
                tokens_cache_write = ?9, tokens_output = ?10, tokens_reasoning = ?11, cost_usd = ?12, tool_calls = ?13,
                files_touched = ?14, ended_at = COALESCE(?15, ended_at), exit_code = COALESCE(?16, exit_code),
                updated_at = ?17, cost_estimate = ?18, denied_tool_calls = ?19
            WHERE id = ?1
            """);
        _layout = new NativeStatement(db, "SELECT events FROM event_chunks WHERE run_id = ?1 ORDER BY last_seq");
    }

    public void Begin() => _begin.Execute();

    public void Commit() => _commit.Execute();

    /// <summary>Rolls back if a transaction is still open (SQLite may already have rolled back after an error).</summary>
    public void RollbackIfOpen()
    {
        if (raw.sqlite3_get_autocommit(_db) == 0)
        {
            _rollback.Execute();
        }
    }

    /// <summary>The run's last seq; null when the run does not exist.</summary>
    public long? LastSeq(string runId)
    {
        _lastSeq.BindText(1, runId);
        return _lastSeq.QueryInt64();
    }

    /// <summary>Inserts events numbered from <paramref name="firstSeq"/>; returns the last seq used.</summary>
    public long Insert(string runId, long firstSeq, IReadOnlyList<EventToAppend> events, IReadOnlyList<RawPlace>? rawPlaces = null)
    {
        Encode(events, rawPlaces);
        return InsertEncoded(runId, firstSeq);
    }

    /// <summary>
    /// Packs the events into chunks, ready for <see cref="InsertEncoded"/>. A chunk does not depend on the seq its
    /// events get, so this can run before the write transaction: the write lock is then held for SQLite's work alone,
    /// not for serializing payloads (nor for the JIT compiling that code on a process's first write).
    /// </summary>
    public void Encode(IReadOnlyList<EventToAppend> events, IReadOnlyList<RawPlace>? rawPlaces = null)
    {
        _chunksUsed = 0;
        var chunk = NextChunk();
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i];
            var kind = KindName(item.Event.Kind);
            var payload = _payloads.Write(item.Event);
            var rawPlace = rawPlaces is null ? RawPlace.None : rawPlaces[i];
            if (!TryEncode(chunk, item, kind, payload, rawPlace))
            {
                chunk = NextChunk();
                TryEncode(chunk, item, kind, payload, rawPlace);
            }

            if (chunk.IsFull && i < events.Count - 1)
            {
                chunk = NextChunk();
            }
        }
    }

    /// <summary>Inserts the chunks <see cref="Encode"/> packed, numbered from <paramref name="firstSeq"/>; returns the last seq used.</summary>
    public long InsertEncoded(string runId, long firstSeq)
    {
        _insert.BindText(1, runId);
        var next = firstSeq;
        for (var i = 0; i < _chunksUsed; i++)
        {
            var chunk = _chunks[i];
            if (chunk.Count == 0)
            {
                continue;
            }

            _insert.BindInt64(2, next);
            _insert.BindInt64(3, next + chunk.Count - 1);
            _insert.BindBlob(4, chunk.Body);
            _insert.Execute();
            next += chunk.Count;
        }

        return next - 1;
    }

    public void SetEventCount(string runId, long count, long nowMillis)
    {
        _setEventCount.BindText(1, runId);
        _setEventCount.BindInt64(2, count);
        _setEventCount.BindInt64(3, nowMillis);
        _setEventCount.Execute();
    }

    public long DeleteEvents(string runId)
    {
        _countEvents.BindText(1, runId);
        var count = _countEvents.QueryInt64() ?? 0;
        _deleteEvents.BindText(1, runId);
        _deleteEvents.Execute();
        return count;
    }

    /// <summary>Where each raw line's events sat, in seq order: (is stderr, line number, time in unix ms).</summary>
    public void ReadLayout(string runId, Action<bool, long, long> visit)
    {
        var handle = _layout.Handle;
        _layout.BindText(1, runId);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(handle)) == raw.SQLITE_ROW)
            {
                var reader = new EventChunkReader(raw.sqlite3_column_blob(handle, 0));
                while (reader.HasMore)
                {
                    reader.Next();
                    visit(reader.Stream == RunStream.Stderr, reader.LineNo, reader.TimeMillis);
                }
            }

            if (rc != raw.SQLITE_DONE)
            {
                Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(handle);
        }
    }

    public void WriteAggregates(string runId, RunAggregates aggregates, long nowMillis)
    {
        var s = _aggregates;
        s.BindText(1, runId);
        s.BindText(2, aggregates.Status.ToName());
        s.BindText(3, aggregates.FailureReason);
        s.BindText(4, aggregates.SessionId);
        s.BindText(5, aggregates.Model);
        s.BindText(6, aggregates.FinalText);
        s.BindInt64(7, aggregates.Tokens.Input);
        s.BindInt64(8, aggregates.Tokens.CachedInput);
        s.BindInt64(9, aggregates.Tokens.CacheWrite);
        s.BindInt64(10, aggregates.Tokens.Output);
        s.BindInt64(11, aggregates.Tokens.Reasoning);
        s.BindDouble(12, aggregates.CostUsd is { } cost ? (double)cost : null);
        s.BindInt64(13, aggregates.ToolCalls);
        s.BindText(14, FileList.ToJson(aggregates.FilesTouched.ToArray()));
        s.BindInt64(15, aggregates.EndedAt?.ToUnixTimeMilliseconds());
        s.BindInt64(16, aggregates.ExitCode);
        s.BindInt64(17, nowMillis);
        s.BindText(18, aggregates.CostEstimate.ToName());
        s.BindInt64(19, aggregates.DeniedToolCalls);
        s.Execute();
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _begin, _commit, _rollback, _lastSeq, _insert, _setEventCount, _deleteEvents, _countEvents, _aggregates, _layout })
        {
            statement.Dispose();
        }
    }

    /// <summary>Adds one event to the chunk; false when the chunk must be stored first (an empty chunk takes any event).</summary>
    private static bool TryEncode(EventChunkWriter chunk, in EventToAppend item, byte[] kind, ReadOnlySpan<byte> payload, RawPlace rawPlace)
    {
        var time = item.Time.ToUnixTimeMilliseconds();
        if (rawPlace.IsLogged)
        {
            return chunk.TryAddWithLoggedRaw(item.LineNo, item.Stream, time, kind, payload, rawPlace.Offset, rawPlace.Length);
        }

        return item.Raw is { } rawLine
            ? chunk.TryAddWithInlineRaw(item.LineNo, item.Stream, time, kind, payload, rawLine.Span)
            : chunk.TryAddWithoutRaw(item.LineNo, item.Stream, time, kind, payload);
    }

    /// <summary>The next chunk to fill, cleared; the chunks are kept from batch to batch, so encoding allocates nothing.</summary>
    private EventChunkWriter NextChunk()
    {
        if (_chunksUsed == _chunks.Count)
        {
            _chunks.Add(new EventChunkWriter());
        }

        var chunk = _chunks[_chunksUsed++];
        chunk.Clear();
        return chunk;
    }

    private byte[] KindName(string kind)
    {
        // Kinds are the same few constant strings event after event: found by reference, no hashing of their text.
        if (_kindsByReference.TryGetValue(kind, out var name))
        {
            return name;
        }

        if (!_kindNames.TryGetValue(kind, out name))
        {
            name = System.Text.Encoding.UTF8.GetBytes(kind);
            _kindNames[kind] = name;
        }

        if (_kindsByReference.Count < MaxKindsByReference)
        {
            _kindsByReference[kind] = name;
        }

        return name;
    }
}
