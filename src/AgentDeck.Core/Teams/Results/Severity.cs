namespace AgentDeck.Core.Teams.Results;

/// <summary>How bad a finding is, most severe first (the order clusters sort by).</summary>
public enum Severity
{
    Critical,
    High,
    Medium,
    Low,
    Info,
}
