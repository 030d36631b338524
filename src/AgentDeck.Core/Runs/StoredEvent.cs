using AgentDeck.Core.Events;

namespace AgentDeck.Core.Runs;

/// <summary>
/// An event as stored: its place in the run (<see cref="Seq"/>, 1..n with no gaps), the raw line it came from
/// (<see cref="LineNo"/>, 0 for events made at the end of a stream), and its JSON <see cref="Payload"/>.
/// </summary>
public sealed record StoredEvent(
    string RunId,
    long Seq,
    long LineNo,
    RunStream Stream,
    DateTimeOffset Time,
    string Kind,
    string Payload,
    byte[]? Raw)
{
    /// <summary>The event read back from its payload; null when the payload is not an event this build knows.</summary>
    public AgentEvent? ToEvent() => EventJson.Deserialize(Payload);
}
