using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger;

/// <summary>
/// The run ledger in a SQLite file (WAL, busy timeout, foreign keys). Any number of processes may open the same file;
/// each write is one <c>BEGIN IMMEDIATE</c> transaction. One instance belongs to one thread at a time.
/// </summary>
public sealed partial class SqliteRunLedger : IRunLedger
{
    private const int AmbiguityListLength = 5;

    private readonly SqliteConnection _connection;
    private readonly LedgerOptions _options;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private LedgerWriter? _writer;

    private SqliteRunLedger(string file, SqliteConnection connection, LedgerOptions options)
    {
        Location = file;
        _connection = connection;
        _options = options;
    }

    public string Location { get; }

    public bool IsReadOnly => _options.ReadOnly;

    /// <summary>The state files and folders this open found readable by others and made owner-only.</summary>
    public IReadOnlyList<string> Tightened { get; private init; } = [];

    public static SqliteRunLedger Open(AgentDeckPaths paths, LedgerOptions? options = null) => Open(paths.LedgerFile, options);

    public static SqliteRunLedger Open(string file, LedgerOptions? options = null)
    {
        options ??= new LedgerOptions();
        var fullPath = Path.GetFullPath(file);
        // Before SQLite opens anything: it keeps the mode of a -wal or -shm that exists and gives new ones the db's.
        var tightened = StatePrivacy.Repair(fullPath);
        return new SqliteRunLedger(fullPath, LedgerOpener.Open(fullPath, options), options) { Tightened = tightened };
    }

    public RunRecord CreateRun(NewRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Id is not null && !RunIds.IsValid(run.Id))
        {
            throw new ArgumentException($"'{run.Id}' is not a run id ({RunIds.Length} characters of {RunIds.Alphabet}).", nameof(run));
        }

        return Guard(() =>
        {
            var now = _options.Clock.GetUtcNow();
            for (var attempt = 0; ; attempt++)
            {
                var id = run.Id ?? RunIds.New(now);
                try
                {
                    InsertRun(id, run, now);
                    return FindRun(id)!;
                }
                catch (SqliteException error) when (error.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey && run.Id is null && attempt < 8)
                {
                    // Two runs created in the same millisecond drew the same 10 random bits; draw again.
                }
                catch (SqliteException error) when (error.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
                {
                    throw new ArgumentException($"a run with id {id} already exists in the ledger", nameof(run), error);
                }
            }
        });
    }

    public RunRecord UpdateRun(string runId, RunUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Guard(() =>
        {
            var command = Command("""
                UPDATE runs SET status = COALESCE($status, status), failure_reason = COALESCE($failure_reason, failure_reason),
                    pid = COALESCE($pid, pid), agent_pid = COALESCE($agent_pid, agent_pid), started_at = COALESCE($started_at, started_at),
                    ended_at = COALESCE($ended_at, ended_at), exit_code = COALESCE($exit_code, exit_code),
                    session_id = COALESCE($session_id, session_id), model = COALESCE($model, model),
                    role = COALESCE($role, role), profile = COALESCE($profile, profile), team = COALESCE($team, team),
                    updated_at = $now
                WHERE id = $id
                """);
            Set(command, "$id", runId);
            Set(command, "$status", update.Status?.ToName());
            Set(command, "$failure_reason", update.FailureReason);
            Set(command, "$pid", update.Pid);
            Set(command, "$agent_pid", update.AgentPid);
            Set(command, "$started_at", update.StartedAt?.ToUnixTimeMilliseconds());
            Set(command, "$ended_at", update.EndedAt?.ToUnixTimeMilliseconds());
            Set(command, "$exit_code", update.ExitCode);
            Set(command, "$session_id", update.SessionId);
            Set(command, "$model", update.Model);
            Set(command, "$role", update.Role);
            Set(command, "$profile", update.Profile);
            Set(command, "$team", update.Team);
            Set(command, "$now", _options.Clock.GetUtcNow().ToUnixTimeMilliseconds());
            if (command.ExecuteNonQuery() == 0)
            {
                throw UnknownRun(runId);
            }

            return FindRun(runId)!;
        });
    }

    public AppendResult AppendEvents(string runId, IReadOnlyList<EventToAppend> events, RunAggregates? aggregates = null) =>
        AppendEvents(runId, events, null, aggregates);

    /// <summary>
    /// <see cref="AppendEvents(string, IReadOnlyList{EventToAppend}, RunAggregates?)"/> for a writer that keeps the raw
    /// lines in the run's raw logs under this ledger's state directory: an event whose place is logged stores only
    /// that place, not the bytes again.
    /// </summary>
    internal AppendResult AppendEvents(string runId, IReadOnlyList<EventToAppend> events, IReadOnlyList<RawPlace>? rawPlaces, RunAggregates? aggregates)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (rawPlaces is not null && rawPlaces.Count != events.Count)
        {
            throw new ArgumentException("one raw place per event", nameof(rawPlaces));
        }

        // Packed before the write transaction begins: other processes wait for this one's lock only while SQLite works.
        if (!_options.ReadOnly)
        {
            Guard(() => Writer().Encode(events, rawPlaces));
        }

        return Write(writer =>
        {
            var last = writer.LastSeq(runId) ?? throw UnknownRun(runId);
            var now = _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            var newLast = events.Count == 0 ? last : writer.InsertEncoded(runId, last + 1);
            writer.SetEventCount(runId, newLast, now);
            if (aggregates is not null)
            {
                writer.WriteAggregates(runId, aggregates, now);
            }

            return new AppendResult(last + 1, newLast, events.Count);
        });
    }

    public RunRecord? FindRun(string runId) => Guard(() =>
    {
        var command = Command($"SELECT {RunRows.Columns} FROM runs WHERE id = $id");
        Set(command, "$id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? RunRows.Read(reader) : null;
    });

    public RunRecord ResolveRun(string idOrPrefix)
    {
        if (!RunIds.TryNormalizePrefix(idOrPrefix, out var prefix))
        {
            throw new LedgerException(LedgerProblem.UnknownRun,
                $"'{idOrPrefix}' is not a run id (run ids are {RunIds.Length} characters of 0-9 and a-z): list runs with `agentdeck runs`");
        }

        return Guard(() =>
        {
            if (prefix.Length == RunIds.Length && FindRun(prefix) is { } exact)
            {
                return exact;
            }

            // '~' sorts after every id character, so [prefix, prefix~) is exactly the ids that start with prefix.
            var command = Command("SELECT id FROM runs WHERE id >= $low AND id < $high ORDER BY id DESC LIMIT $limit");
            Set(command, "$low", prefix);
            Set(command, "$high", prefix + "~");
            Set(command, "$limit", AmbiguityListLength + 1);
            var matches = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    matches.Add(reader.GetString(0));
                }
            }

            return matches.Count switch
            {
                0 => throw new LedgerException(LedgerProblem.UnknownRun,
                    $"no run id starts with '{idOrPrefix}': list runs with `agentdeck runs`"),
                1 => FindRun(matches[0])!,
                _ => throw Ambiguous(idOrPrefix, prefix, matches),
            };
        });
    }

    public IReadOnlyList<RunRecord> ListRuns(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard(() =>
        {
            using var command = _connection.CreateCommand();
            var where = new List<string>();
            if (query.Statuses is { Count: > 0 } statuses)
            {
                var names = statuses.Select((s, i) => (Name: $"$status{i}", Value: s.ToName())).ToArray();
                where.Add($"status IN ({string.Join(", ", names.Select(n => n.Name))})");
                foreach (var (name, value) in names)
                {
                    command.Parameters.AddWithValue(name, value);
                }
            }

            AddFilter(command, where, "agent", query.Agent);
            AddFilter(command, where, "cwd", query.Cwd);
            AddFilter(command, where, "repo", query.Repo);
            AddFilter(command, where, "session_id", query.SessionId);
            AddFilter(command, where, "team", query.Team);
            command.CommandText = $"SELECT {RunRows.Columns} FROM runs"
                + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
                + " ORDER BY started_at DESC, id DESC"
                + (query.Limit > 0 ? $" LIMIT {query.Limit}" : string.Empty);
            return ReadRuns(command);
        });
    }

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq, int limit, bool includeRaw = false) => Guard(() =>
    {
        var events = new List<StoredEvent>(Math.Clamp(limit, 0, 1024));
        if (limit <= 0)
        {
            return events;
        }

        // Chunks are disjoint and numbered in order: the first one ending at or after fromSeq holds it.
        var command = Command("SELECT first_seq, events FROM event_chunks WHERE run_id = $run AND last_seq >= $from ORDER BY last_seq");
        Set(command, "$run", runId);
        Set(command, "$from", fromSeq);
        using var raws = includeRaw ? RawReader(runId) : null;
        using var reader = command.ExecuteReader();
        while (events.Count < limit && reader.Read())
        {
            DecodeChunk(runId, reader.GetInt64(0), (byte[])reader.GetValue(1), fromSeq, limit, raws, events);
        }

        return events;
    });

    public IReadOnlyList<StoredEvent> ReadLastEvents(string runId, int limit, bool includeRaw = false) => Guard(() =>
    {
        if (limit <= 0)
        {
            return (IReadOnlyList<StoredEvent>)[];
        }

        // Newest chunks first until they hold enough events, then decoded oldest first.
        var command = Command("SELECT first_seq, last_seq, events FROM event_chunks WHERE run_id = $run ORDER BY last_seq DESC");
        Set(command, "$run", runId);
        var chunks = new List<(long First, byte[] Body)>();
        long held = 0, lastSeq = 0;
        using (var reader = command.ExecuteReader())
        {
            while (held < limit && reader.Read())
            {
                var first = reader.GetInt64(0);
                var last = reader.GetInt64(1);
                lastSeq = Math.Max(lastSeq, last);
                held += last - first + 1;
                chunks.Add((first, (byte[])reader.GetValue(2)));
            }
        }

        var events = new List<StoredEvent>(limit);
        var fromSeq = Math.Max(1, lastSeq - limit + 1);
        using var raws = includeRaw ? RawReader(runId) : null;
        for (var i = chunks.Count - 1; i >= 0; i--)
        {
            DecodeChunk(runId, chunks[i].First, chunks[i].Body, fromSeq, limit, raws, events);
        }

        return events;
    });

    public long CountRuns() => Guard(() => (long)Command("SELECT COUNT(*) FROM runs").ExecuteScalar()!);

    public long CountEvents(string runId) => Guard(() =>
    {
        var command = Command("SELECT COALESCE(SUM(last_seq - first_seq + 1), 0) FROM event_chunks WHERE run_id = $run");
        Set(command, "$run", runId);
        return (long)command.ExecuteScalar()!;
    });

    public long LastSeq(string runId) => Guard(() =>
    {
        var command = Command("SELECT COALESCE(MAX(last_seq), 0) FROM event_chunks WHERE run_id = $run");
        Set(command, "$run", runId);
        return (long)command.ExecuteScalar()!;
    });

    public RunRecord? FindLatestRunOfSession(string sessionId) => Guard(() =>
    {
        var command = Command($"SELECT {RunRows.Columns} FROM runs WHERE session_id = $session ORDER BY started_at DESC, id DESC LIMIT 1");
        Set(command, "$session", sessionId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? RunRows.Read(reader) : null;
    });

    public long DeleteEvents(string runId) => Write(writer =>
    {
        _ = writer.LastSeq(runId) ?? throw UnknownRun(runId);
        var deleted = writer.DeleteEvents(runId);
        writer.SetEventCount(runId, 0, _options.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        return deleted;
    });

    public void Dispose()
    {
        _writer?.Dispose();
        DisposeSavepoints();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction: committed when it returns, rolled back when it throws.</summary>
    internal T Write<T>(Func<LedgerWriter, T> work) => Guard(() =>
    {
        if (_options.ReadOnly)
        {
            throw new LedgerException(LedgerProblem.ReadOnly,
                $"ledger {Location} was opened read-only: use a writing command to change it");
        }

        var writer = Writer();
        if (_inOneTransaction)
        {
            return work(writer); // part of the transaction WriteInOneTransaction opened
        }

        writer.Begin();
        try
        {
            var result = work(writer);
            writer.Commit();
            return result;
        }
        catch
        {
            writer.RollbackIfOpen();
            throw;
        }
    });

    private LedgerWriter Writer() => _writer ??= new LedgerWriter(_connection.Handle!);

    internal LedgerException UnknownRun(string runId) =>
        new(LedgerProblem.UnknownRun, $"no run {runId} in the ledger: list runs with `agentdeck runs`");

    internal TimeProvider Clock => _options.Clock;

    private const int SqliteConstraintPrimaryKey = 1555;

    private static LedgerException Ambiguous(string input, string prefix, List<string> matches)
    {
        var shown = string.Join(", ", matches.Take(AmbiguityListLength));
        var more = matches.Count > AmbiguityListLength ? ", ..." : string.Empty;
        return new LedgerException(LedgerProblem.AmbiguousRun,
            $"run id prefix '{input}' matches several runs ({shown}{more}): type more characters of the id");
    }

    private void Guard(Action action) => Guard<bool>(() =>
    {
        action();
        return true;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException error) when (LedgerErrors.Translate(error, Location, _options.BusyTimeout) is { } problem)
        {
            throw problem;
        }
    }

    private void InsertRun(string id, NewRun run, DateTimeOffset now)
    {
        var command = Command("""
            INSERT INTO runs (id, agent, role, model, profile, cwd, repo, prompt, status, pid, started_at, parent_run, team,
                session_id, updated_at, route_agent, route_model, route_profile, route_reason)
            VALUES ($id, $agent, $role, $model, $profile, $cwd, $repo, $prompt, $status, $pid, $started_at, $parent_run, $team,
                $session_id, $updated_at, $route_agent, $route_model, $route_profile, $route_reason)
            """);
        Set(command, "$id", id);
        Set(command, "$agent", run.Agent);
        Set(command, "$role", run.Role);
        Set(command, "$model", run.Model);
        Set(command, "$profile", run.Profile);
        Set(command, "$cwd", run.Cwd);
        Set(command, "$repo", run.Repo);
        Set(command, "$prompt", run.Prompt);
        Set(command, "$status", run.Status.ToName());
        Set(command, "$pid", run.Pid);
        Set(command, "$started_at", (run.StartedAt ?? now).ToUnixTimeMilliseconds());
        Set(command, "$parent_run", run.ParentRun);
        Set(command, "$team", run.Team);
        Set(command, "$session_id", run.SessionId);
        Set(command, "$updated_at", now.ToUnixTimeMilliseconds());
        Set(command, "$route_agent", run.Route?.Agent);
        Set(command, "$route_model", run.Route?.Model);
        Set(command, "$route_profile", run.Route?.Profile);
        Set(command, "$route_reason", run.Route?.Reason);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }
    }

    private static void AddFilter(SqliteCommand command, List<string> where, string column, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = ${column}");
            command.Parameters.AddWithValue($"${column}", value);
        }
    }

    private static List<RunRecord> ReadRuns(SqliteCommand command)
    {
        var runs = new List<RunRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(RunRows.Read(reader));
        }

        return runs;
    }

    private LoggedRawReader RawReader(string runId) => new(StatePaths, runId);

    /// <summary>The state directory this ledger file sits in: where the runs' raw logs are.</summary>
    internal AgentDeckPaths StatePaths => new(Path.GetDirectoryName(Location)!);

    private static void DecodeChunk(string runId, long firstSeq, byte[] body, long fromSeq, int limit, LoggedRawReader? raws, List<StoredEvent> into)
    {
        var reader = new EventChunkReader(body);
        for (var seq = firstSeq; reader.HasMore && into.Count < limit; seq++)
        {
            reader.Next();
            if (seq < fromSeq)
            {
                continue;
            }

            byte[]? rawLine = null;
            if (raws is not null)
            {
                rawLine = reader.RawKind switch
                {
                    EventChunkFormat.InlineRaw => reader.InlineRaw.ToArray(),
                    EventChunkFormat.LoggedRaw => raws.Read(reader.Stream, reader.RawOffset, reader.RawLength),
                    _ => null,
                };
            }

            into.Add(new StoredEvent(runId, seq, reader.LineNo, reader.Stream, RunRows.Time(reader.TimeMillis),
                reader.KindText, System.Text.Encoding.UTF8.GetString(reader.Payload), rawLine));
        }
    }
}
