namespace AgentDeck.Core.Events;

/// <summary>A user message as the agent saw it: the prompt echo, a steering message, or a synthetic interrupt note.</summary>
public sealed record UserMessage(string Text, bool IsSynthetic = false) : AgentEvent
{
    public override string Kind => EventKinds.UserMessage;
}
