namespace AgentDeck.Ledger;

/// <summary>One numbered step of the ledger schema; applied in order, each in its own transaction.</summary>
public sealed record LedgerMigration(int Version, string Name, string Sql);
