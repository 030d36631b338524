namespace AgentDeck.Agents.Codex;

/// <summary>Where an item is in its life: <c>item.started</c>, <c>item.updated</c>, <c>item.completed</c> (or the app-server's <c>item/…</c>).</summary>
internal enum CodexItemPhase
{
    Started,
    Updated,
    Completed,
}
