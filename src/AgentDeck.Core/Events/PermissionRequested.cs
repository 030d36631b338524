namespace AgentDeck.Core.Events;

/// <summary>The agent waits for a permission decision from its host (Claude <c>can_use_tool</c>, Codex <c>requestApproval</c>).</summary>
public sealed record PermissionRequested(string RequestId, string ToolName, string InputSummary, string? Reason = null) : AgentEvent
{
    public override string Kind => EventKinds.PermissionRequested;
}
