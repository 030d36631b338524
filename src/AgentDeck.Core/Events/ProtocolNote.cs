namespace AgentDeck.Core.Events;

/// <summary>
/// A line the parser understood that carries nothing the normalized family shows (a stream start marker, a control
/// acknowledgement, a heartbeat). It keeps the rule "every line becomes at least one event", so a run's events match
/// its raw output line for line.
/// </summary>
public sealed record ProtocolNote(string Type, string? Detail = null) : AgentEvent
{
    public override string Kind => EventKinds.ProtocolNote;
}
