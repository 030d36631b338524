namespace AgentDeck.Core.Events;

/// <summary>A tool call was refused by the agent's permission mode or sandbox.</summary>
public sealed record PermissionDenied(string ToolName, string? CallId, string Message) : AgentEvent
{
    public override string Kind => EventKinds.PermissionDenied;
}
