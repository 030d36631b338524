namespace AgentDeck.Core.Routing;

/// <summary>What a role's worker may do to the workspace. Read-only unless a role says write explicitly.</summary>
public enum RolePermission
{
    ReadOnly,
    Write,
}
