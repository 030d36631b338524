namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// One claim a member makes. <see cref="Warnings"/> lists what was wrong with it as written (a bad field is replaced
/// by a safe value and named there), so a flawed finding is still shown rather than dropped.
/// </summary>
public sealed record Finding(
    string Id,
    string Claim,
    FindingVerdict Verdict,
    Severity Severity,
    double Confidence,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The first evidence whose path is inside the repository: the place the finding is clustered by.</summary>
    public Evidence? Place => Evidence.FirstOrDefault(e => e.IsUsableLocation);
}
