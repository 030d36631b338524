using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger;

/// <summary>What a rebuild re-read and wrote.</summary>
public sealed record RebuildResult(string RunId, long StdoutLines, long StderrLines, long Events, RunStatus Status);
