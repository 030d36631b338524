namespace AgentDeck.Core.Teams.Repair;

/// <summary>
/// The decision on one final answer, as data: <see cref="Report"/> is set for Accept and GiveUp,
/// <see cref="RepairPrompt"/> for Repair.
/// </summary>
public sealed record ResultStep(ResultStepKind Kind, MemberReport? Report, string? RepairPrompt);
