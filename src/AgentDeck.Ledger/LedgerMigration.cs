using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger;

/// <summary>
/// One numbered step of the ledger schema; applied in order, each in its own transaction: its SQL first, then its
/// <see cref="Convert"/> step (data that SQL alone cannot move), when it has one.
/// </summary>
public sealed record LedgerMigration(int Version, string Name, string Sql, Action<SqliteConnection, SqliteTransaction>? Convert = null);
