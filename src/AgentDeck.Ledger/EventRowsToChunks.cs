using System.Text;
using AgentDeck.Core.Runs;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger;

/// <summary>
/// Schema step 2: moves a version-1 ledger's one-row-per-event <c>events</c> table into <c>event_chunks</c>, every
/// field and raw line kept (raw lines stay inline: the old rows cannot prove their raw log still matches), then drops
/// the old table. Runs inside the migration's transaction, so a failure leaves the old table as it was.
/// </summary>
internal static class EventRowsToChunks
{
    public static void Convert(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT run_id, seq, line_no, stream, time, kind, payload, raw FROM events ORDER BY run_id, seq";
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO event_chunks (run_id, first_seq, last_seq, events) VALUES ($run, $first, $last, $events)";
        var run = insert.Parameters.Add("$run", SqliteType.Text);
        var first = insert.Parameters.Add("$first", SqliteType.Integer);
        var last = insert.Parameters.Add("$last", SqliteType.Integer);
        var body = insert.Parameters.Add("$events", SqliteType.Blob);

        var chunk = new EventChunkWriter();
        string? chunkRun = null;
        long chunkFirst = 0, chunkLast = 0;

        void Flush()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            run.Value = chunkRun;
            first.Value = chunkFirst;
            last.Value = chunkLast;
            body.Value = chunk.Body.ToArray();
            insert.ExecuteNonQuery();
            chunk.Clear();
        }

        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var runId = reader.GetString(0);
                var seq = reader.GetInt64(1);
                // A chunk numbers its events from first_seq on, so it must hold one run's consecutive seqs.
                if (chunk.Count > 0 && (chunk.IsFull || runId != chunkRun || seq != chunkLast + 1))
                {
                    Flush();
                }

                if (chunk.Count == 0)
                {
                    chunkRun = runId;
                    chunkFirst = seq;
                }

                var stream = reader.GetString(3) == "stderr" ? RunStream.Stderr : RunStream.Stdout;
                var kind = Encoding.UTF8.GetBytes(reader.GetString(5));
                var payload = Encoding.UTF8.GetBytes(reader.GetString(6));
                byte[]? raw = reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7);
                if (!Add(chunk, reader.GetInt64(2), stream, reader.GetInt64(4), kind, payload, raw))
                {
                    Flush();
                    chunkRun = runId;
                    chunkFirst = seq;
                    Add(chunk, reader.GetInt64(2), stream, reader.GetInt64(4), kind, payload, raw);
                }

                chunkLast = seq;
            }
        }

        Flush();
        using var drop = connection.CreateCommand();
        drop.Transaction = transaction;
        drop.CommandText = "DROP TABLE events";
        drop.ExecuteNonQuery();
    }

    private static bool Add(EventChunkWriter chunk, long lineNo, RunStream stream, long timeMillis, byte[] kind, byte[] payload, byte[]? raw) =>
        raw is null
            ? chunk.TryAddWithoutRaw(lineNo, stream, timeMillis, kind, payload)
            : chunk.TryAddWithInlineRaw(lineNo, stream, timeMillis, kind, payload, raw);
}
