using System.Buffers;
using System.Text.Json;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using SQLitePCL;

namespace AgentDeck.Ledger;

/// <summary>
/// The write side of one connection: prepared statements reused for every batch, events numbered inside the
/// write transaction (<c>BEGIN IMMEDIATE</c> takes the write lock first, so concurrent writers queue instead of
/// colliding on seq).
/// </summary>
internal sealed class LedgerWriter : IDisposable
{
    private static readonly byte[] StdoutName = "stdout"u8.ToArray();
    private static readonly byte[] StderrName = "stderr"u8.ToArray();

    private readonly sqlite3 _db;
    private readonly NativeStatement _begin;
    private readonly NativeStatement _commit;
    private readonly NativeStatement _rollback;
    private readonly NativeStatement _lastSeq;
    private readonly NativeStatement _insert;
    private readonly NativeStatement _setEventCount;
    private readonly NativeStatement _deleteEvents;
    private readonly NativeStatement _aggregates;
    private readonly NativeStatement _layout;
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly Utf8JsonWriter _jsonWriter;
    private readonly Dictionary<string, byte[]> _kindNames = new(StringComparer.Ordinal);

    public LedgerWriter(sqlite3 db)
    {
        _db = db;
        _begin = new NativeStatement(db, "BEGIN IMMEDIATE");
        _commit = new NativeStatement(db, "COMMIT");
        _rollback = new NativeStatement(db, "ROLLBACK");
        _lastSeq = new NativeStatement(db,
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events WHERE run_id = ?1) FROM runs WHERE id = ?1");
        _insert = new NativeStatement(db,
            "INSERT INTO events (run_id, seq, line_no, stream, time, kind, payload, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        _setEventCount = new NativeStatement(db, "UPDATE runs SET event_count = ?2, updated_at = ?3 WHERE id = ?1");
        _deleteEvents = new NativeStatement(db, "DELETE FROM events WHERE run_id = ?1");
        _aggregates = new NativeStatement(db, """
            UPDATE runs SET status = ?2, failure_reason = ?3, session_id = COALESCE(?4, session_id),
                model = COALESCE(?5, model), final_text = ?6, tokens_input = ?7, tokens_cached_input = ?8,
                tokens_cache_write = ?9, tokens_output = ?10, tokens_reasoning = ?11, cost_usd = ?12, tool_calls = ?13,
                files_touched = ?14, ended_at = COALESCE(?15, ended_at), exit_code = COALESCE(?16, exit_code),
                updated_at = ?17
            WHERE id = ?1
            """);
        _layout = new NativeStatement(db, "SELECT stream = 'stderr', line_no, time FROM events WHERE run_id = ?1 ORDER BY seq");
        _jsonWriter = new Utf8JsonWriter(_json, new JsonWriterOptions { SkipValidation = true });
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
    public long Insert(string runId, long firstSeq, IReadOnlyList<EventToAppend> events)
    {
        _insert.BindText(1, runId);
        var seq = firstSeq;
        for (var i = 0; i < events.Count; i++, seq++)
        {
            Insert(seq, events[i]);
        }

        return seq - 1;
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
        _deleteEvents.BindText(1, runId);
        return _deleteEvents.Execute();
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
                visit(raw.sqlite3_column_int(handle, 0) != 0, raw.sqlite3_column_int64(handle, 1), raw.sqlite3_column_int64(handle, 2));
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
        s.Execute();
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _begin, _commit, _rollback, _lastSeq, _insert, _setEventCount, _deleteEvents, _aggregates, _layout })
        {
            statement.Dispose();
        }

        _jsonWriter.Dispose();
    }

    private void Insert(long seq, in EventToAppend item)
    {
        var s = _insert;
        s.BindInt64(2, seq);
        s.BindInt64(3, item.LineNo);
        s.BindUtf8(4, item.Stream == RunStream.Stdout ? StdoutName : StderrName);
        s.BindInt64(5, item.Time.ToUnixTimeMilliseconds());
        s.BindUtf8(6, KindName(item.Event.Kind));

        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        EventJson.Serialize(_jsonWriter, item.Event);
        _jsonWriter.Flush();
        s.BindUtf8(7, _json.WrittenSpan);

        if (item.Raw is { } rawLine)
        {
            s.BindBlob(8, rawLine.Span);
        }
        else
        {
            s.BindNull(8);
        }

        s.Execute();
    }

    private byte[] KindName(string kind)
    {
        if (!_kindNames.TryGetValue(kind, out var name))
        {
            name = System.Text.Encoding.UTF8.GetBytes(kind);
            _kindNames[kind] = name;
        }

        return name;
    }
}
