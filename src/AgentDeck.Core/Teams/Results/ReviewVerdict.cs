namespace AgentDeck.Core.Teams.Results;

/// <summary>A reviewer's word on another member's cluster in a cross-review round.</summary>
public enum ReviewVerdict
{
    Confirm,
    Refute,
    Unsure,
}
