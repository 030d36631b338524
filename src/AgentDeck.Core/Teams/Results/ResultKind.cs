namespace AgentDeck.Core.Teams.Results;

/// <summary>Which block is expected: a member's result, or a reviewer's (the same plus <c>reviews</c>).</summary>
public enum ResultKind
{
    Member,
    Reviewer,
}
