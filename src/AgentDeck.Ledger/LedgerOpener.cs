using AgentDeck.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AgentDeck.Ledger;

/// <summary>
/// Opens the ledger file: pragmas, schema version check, migrations. A file that is locked, read-only, damaged or
/// from a newer AgentDeck is reported and left exactly as it is; nothing here deletes or recreates it.
/// </summary>
internal static class LedgerOpener
{
    public static SqliteConnection Open(string file, LedgerOptions options)
    {
        if (Directory.Exists(file))
        {
            throw new LedgerException(LedgerProblem.CannotOpen, $"ledger path {file} is a directory: remove it or set AGENTDECK_HOME elsewhere");
        }

        if (options.ReadOnly && !File.Exists(file))
        {
            throw new LedgerException(LedgerProblem.Missing,
                $"no ledger at {file} yet: record or import a run first, or set AGENTDECK_HOME to where your ledger is");
        }

        if (!options.ReadOnly)
        {
            EnsureDirectoryWritable(file);

            // SQLite would create the db 0644 (less the umask) and its -wal and -shm with the same mode.
            OwnerOnly.CreateFile(file);
        }

        var connection = Connect(file, options, immutable: false);
        try
        {
            int version;
            try
            {
                version = Start(connection, options);
            }
            catch (SqliteException error) when (options.ReadOnly && error.SqliteErrorCode == CantOpen)
            {
                // A WAL ledger in a directory we cannot write has no -shm to share; with no -shm nobody else can
                // be writing it either, so reading it as an immutable file is safe.
                connection.Dispose();
                connection = Connect(file, options, immutable: true);
                version = Start(connection, options);
            }

            if (version > LedgerMigrations.LatestVersion)
            {
                throw new LedgerException(LedgerProblem.SchemaTooNew,
                    $"ledger {file} has schema version {version}, newer than this AgentDeck knows ({LedgerMigrations.LatestVersion}): upgrade AgentDeck; the ledger was left untouched");
            }

            if (options.ReadOnly)
            {
                if (version < LedgerMigrations.LatestVersion)
                {
                    throw new LedgerException(LedgerProblem.SchemaTooOld,
                        $"ledger {file} has schema version {version} and needs an upgrade to {LedgerMigrations.LatestVersion}: run any writing agentdeck command once");
                }

                return connection;
            }

            // SQLite silently falls back to read-only when the file itself cannot be opened for writing.
            if (raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw new LedgerException(LedgerProblem.ReadOnly,
                    $"ledger {file} is read-only (the file is not writable): make it writable (chmod u+w '{file}'); runs, status, show, events, last, wait and export still read it");
            }

            if (version == 0)
            {
                // Event chunks are tens of KB; 16 KiB pages cut b-tree and overflow-page overhead. The page size can only
                // change before the first table exists and before WAL.
                Execute(connection, $"PRAGMA page_size = {PageSize}");
            }

            EnsureWal(connection);
            Execute(connection, "PRAGMA synchronous = NORMAL");
            Migrate(connection, version);
            return connection;
        }
        catch (SqliteException error) when (LedgerErrors.Translate(error, file, options.BusyTimeout) is { } problem)
        {
            connection.Dispose();
            throw problem;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private const int CantOpen = 14;
    private const int PageSize = 16384;

    /// <summary>Opens the connection, sets per-connection pragmas and reads the schema version (the first read of the file).</summary>
    private static int Start(SqliteConnection connection, LedgerOptions options)
    {
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}");
        Execute(connection, "PRAGMA foreign_keys = ON");
        return UserVersion(connection);
    }

    private static SqliteConnection Connect(string file, LedgerOptions options, bool immutable) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(file).AbsoluteUri + "?immutable=1" : file,
            Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString());

    private static void EnsureDirectoryWritable(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        try
        {
            OwnerOnly.CreateFolder(directory);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new LedgerException(LedgerProblem.ReadOnly,
                $"cannot create the ledger directory {directory} ({error.Message}): make its parent writable or set AGENTDECK_HOME to a writable directory",
                error);
        }

        // SQLite creates -wal and -shm files next to the ledger. Probe with a file of our own: opening the ledger itself
        // here would drop SQLite's POSIX locks held by other connections of this process when it is closed.
        var probe = Path.Combine(directory, $".agentdeck-write-probe-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new LedgerException(LedgerProblem.ReadOnly,
                $"the ledger directory {directory} is read-only (SQLite must create its -wal and -shm files there): make it writable; runs, status, show, events, last, wait and export still read it",
                error);
        }
    }

    private static void EnsureWal(SqliteConnection connection)
    {
        if (!string.Equals(Scalar(connection, "PRAGMA journal_mode") as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            Scalar(connection, "PRAGMA journal_mode = WAL");
        }
    }

    private static void Migrate(SqliteConnection connection, int version)
    {
        foreach (var migration in LedgerMigrations.All)
        {
            if (migration.Version <= version)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            // Another process may have applied this step while we waited for the write lock.
            var current = UserVersion(connection, transaction);
            if (current < migration.Version)
            {
                Execute(connection, migration.Sql, transaction);
                migration.Convert?.Invoke(connection, transaction);
                Execute(connection, $"PRAGMA user_version = {migration.Version}", transaction);
            }

            transaction.Commit();
        }
    }

    private static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction));

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
