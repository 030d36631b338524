using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AgentDeck.Ledger;

/// <summary>
/// A statement prepared once on the raw SQLite handle and reused: binding UTF-8 spans directly keeps the append path
/// free of per-row strings and parameter objects.
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _db;

    public NativeStatement(sqlite3 db, string sql)
    {
        _db = db;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        Handle = statement;
    }

    public sqlite3_stmt Handle { get; }

    public void BindText(int index, string? value)
    {
        var rc = value is null ? raw.sqlite3_bind_null(Handle, index) : raw.sqlite3_bind_text(Handle, index, value);
        Check(rc);
    }

    public void BindUtf8(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(Handle, index, value));

    public void BindBlob(int index, ReadOnlySpan<byte> value) =>
        // An empty span would bind NULL; an empty line is a zero-length blob, not a missing one.
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(Handle, index, 0) : raw.sqlite3_bind_blob(Handle, index, value));

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(Handle, index, value));

    public void BindInt64(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(Handle, index, v) : raw.sqlite3_bind_null(Handle, index));

    public void BindDouble(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(Handle, index, v) : raw.sqlite3_bind_null(Handle, index));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(Handle, index));

    /// <summary>Runs the statement to completion; returns the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(Handle);
        raw.sqlite3_reset(Handle);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return raw.sqlite3_changes(_db);
    }

    /// <summary>The first column of the first row, or null when there is no row.</summary>
    public long? QueryInt64()
    {
        var rc = raw.sqlite3_step(Handle);
        try
        {
            if (rc == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_int64(Handle, 0);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return null;
        }
        finally
        {
            raw.sqlite3_reset(Handle);
        }
    }

    public void Dispose() => Handle.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
