namespace AgentDeck.Core.Events;

/// <summary>Anything else worth showing that changes no state: warnings, reconnect notes, control acknowledgements.</summary>
public sealed record Notice(string Level, string Message, string? Source = null) : AgentEvent
{
    public override string Kind => EventKinds.Notice;
}
