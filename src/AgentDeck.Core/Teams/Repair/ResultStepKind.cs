namespace AgentDeck.Core.Teams.Repair;

/// <summary>What the caller does next with a member's final answer.</summary>
public enum ResultStepKind
{
    /// <summary>The result is valid: keep it.</summary>
    Accept,

    /// <summary>Resume the member once with <see cref="ResultStep.RepairPrompt"/>, then decide again on its answer.</summary>
    Repair,

    /// <summary>Mark the member <c>result_invalid</c>; its free text is kept as one finding.</summary>
    GiveUp,
}
