namespace AgentDeck.Ledger;

/// <summary>
/// The ledger schema as an ordered list of steps. The file's <c>PRAGMA user_version</c> is the last step applied;
/// a file newer than <see cref="LatestVersion"/> is refused, never written. Add steps at the end, never edit one.
/// </summary>
public static class LedgerMigrations
{
    public static IReadOnlyList<LedgerMigration> All { get; } =
    [
        new(1, "runs and events", """
            CREATE TABLE runs (
                id TEXT NOT NULL PRIMARY KEY,
                agent TEXT NOT NULL,
                role TEXT,
                model TEXT,
                profile TEXT,
                cwd TEXT,
                repo TEXT,
                prompt TEXT,
                status TEXT NOT NULL,
                failure_reason TEXT,
                pid INTEGER,
                started_at INTEGER NOT NULL,
                ended_at INTEGER,
                exit_code INTEGER,
                tokens_input INTEGER NOT NULL DEFAULT 0,
                tokens_cached_input INTEGER NOT NULL DEFAULT 0,
                tokens_cache_write INTEGER NOT NULL DEFAULT 0,
                tokens_output INTEGER NOT NULL DEFAULT 0,
                tokens_reasoning INTEGER NOT NULL DEFAULT 0,
                cost_usd REAL,
                parent_run TEXT REFERENCES runs(id) ON DELETE SET NULL,
                team TEXT,
                session_id TEXT,
                final_text TEXT,
                tool_calls INTEGER NOT NULL DEFAULT 0,
                files_touched TEXT NOT NULL DEFAULT '[]',
                event_count INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX runs_by_started_at ON runs(started_at DESC, id DESC);
            CREATE INDEX runs_by_status ON runs(status, started_at DESC);
            CREATE INDEX runs_by_cwd ON runs(cwd, started_at DESC);
            CREATE INDEX runs_by_repo ON runs(repo, started_at DESC);
            CREATE INDEX runs_by_session ON runs(session_id, started_at DESC);
            CREATE INDEX runs_by_parent ON runs(parent_run);

            CREATE TABLE events (
                run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                line_no INTEGER NOT NULL,
                stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr')),
                time INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                raw BLOB,
                PRIMARY KEY (run_id, seq)
            ) STRICT, WITHOUT ROWID;
            """),
        new(2, "events packed into chunks, raw lines kept as places in the raw logs", """
            CREATE TABLE event_chunks (
                run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                events BLOB NOT NULL,
                CHECK (last_seq >= first_seq)
            ) STRICT;
            CREATE UNIQUE INDEX event_chunks_by_run ON event_chunks(run_id, last_seq);
            """, EventRowsToChunks.Convert),
        new(3, "why a run's cost is an estimate", """
            ALTER TABLE runs ADD COLUMN cost_estimate TEXT;
            """),
        new(4, "denied tool calls and the route a run was launched on", """
            ALTER TABLE runs ADD COLUMN denied_tool_calls INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE runs ADD COLUMN route_agent TEXT;
            ALTER TABLE runs ADD COLUMN route_model TEXT;
            ALTER TABLE runs ADD COLUMN route_profile TEXT;
            ALTER TABLE runs ADD COLUMN route_reason TEXT;
            """),
        new(5, "the agent's own process id beside the supervisor's", """
            ALTER TABLE runs ADD COLUMN agent_pid INTEGER;
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
