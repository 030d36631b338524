namespace AgentDeck.Agents.Drivers;

/// <summary>Which Codex entry point a new (not resumed) Codex worker runs under.</summary>
public enum CodexTransport
{
    /// <summary><c>codex app-server</c>: JSON-RPC over stdio; steering and interrupt reach the running turn.</summary>
    AppServer,

    /// <summary><c>codex exec --json</c>: one turn, no stdin protocol; steering waits for the turn and resumes.</summary>
    Exec,
}
