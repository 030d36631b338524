namespace AgentDeck.Core.Events;

/// <summary>The agent opened (or resumed) a session. Claude repeats this at the start of every stdin turn.</summary>
public sealed record SessionStarted(string SessionId, string? Model, string? Cwd, IReadOnlyList<string> Tools) : AgentEvent
{
    public override string Kind => EventKinds.SessionStarted;
}
