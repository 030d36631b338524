namespace AgentDeck.Tui.Control;

/// <summary>A new worker as filled in the spawn dialog. Empty strings mean "let routing decide".</summary>
public sealed record SpawnRequest(string Agent, string Role, string ModelOrProfile, string Prompt, bool AllowWrite, string? Cwd);
