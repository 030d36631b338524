namespace AgentDeck.Core.Teams.Results;

/// <summary>What a member says about the place a finding names: something is wrong there, or it checked and it is fine.</summary>
public enum FindingVerdict
{
    Issue,
    Ok,
}
