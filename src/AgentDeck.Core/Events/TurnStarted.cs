namespace AgentDeck.Core.Events;

/// <summary>A turn began (Codex <c>turn.started</c>, app-server <c>turn/started</c>, Claude's per-turn init).</summary>
public sealed record TurnStarted(string? TurnId) : AgentEvent
{
    public override string Kind => EventKinds.TurnStarted;
}
