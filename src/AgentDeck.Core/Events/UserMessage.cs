using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>A user message as the agent saw it: the prompt echo, a steering message, or a synthetic interrupt note.</summary>
public sealed record UserMessage(string Text, bool IsSynthetic = false) : AgentEvent
{
    [JsonIgnore]
    public override string Kind => EventKinds.UserMessage;
}
