namespace AgentDeck.Discovery.Doctor;

/// <summary>
/// One line of <c>agentdeck doctor</c>: what was checked, how it came out, the version and path found, what was seen
/// (never a secret value) and, for a problem, what to do about it.
/// </summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string? Version, string? Path, string Detail, string? Fix)
{
    /// <summary>For agents: whether it can run headless here (credentials or a base URL found). Null for other checks.</summary>
    public bool? Headless { get; init; }
}
