namespace AgentDeck.Discovery.Doctor;

/// <summary>Everything <c>agentdeck doctor</c> found, ready to print or serialize.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks, IReadOnlyList<DiscoveryWarning> Warnings)
{
    public DoctorStatus Overall => Checks.Count == 0 ? DoctorStatus.Ok : Checks.Max(check => check.Status);

    /// <summary>A process exit code for the CLI: 0 all fine or warnings only, 1 when a check failed.</summary>
    public int ExitCode => Overall == DoctorStatus.Error ? 1 : 0;
}
