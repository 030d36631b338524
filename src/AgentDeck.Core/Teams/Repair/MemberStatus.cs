namespace AgentDeck.Core.Teams.Repair;

/// <summary>Whether a member's result could be read: <see cref="ResultInvalid"/> is shown as <c>result_invalid</c>.</summary>
public enum MemberStatus
{
    Valid,
    ResultInvalid,
}
