namespace AgentDeck.EndToEnd.Tests;

/// <summary>Paths of the pinned agent CLIs installed by tests/install-agent-clis.sh.</summary>
public sealed record InstalledClis(string Claude, string Codex);
