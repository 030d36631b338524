using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>
/// A person (or a controlling agent) steered the worker: the message the supervisor handed to it, and which front end
/// sent it (<see cref="SteerSenders"/>). Recorded by AgentDeck, not parsed from the agent; the stored event's time is when.
/// </summary>
public sealed record SteerSent(string Text, string From) : AgentEvent
{
    [JsonIgnore]
    public override string Kind => EventKinds.Steer;
}
