using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>Anything else worth showing that changes no state: warnings, reconnect notes, control acknowledgements.</summary>
public sealed record Notice(string Level, string Message, string? Source = null) : AgentEvent
{
    [JsonIgnore]
    public override string Kind => EventKinds.Notice;
}
