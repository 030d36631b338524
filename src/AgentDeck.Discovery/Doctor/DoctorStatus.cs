namespace AgentDeck.Discovery.Doctor;

/// <summary>How a doctor check came out. <see cref="Error"/> means AgentDeck cannot do its job until it is fixed.</summary>
public enum DoctorStatus
{
    Ok,
    Warning,
    Error,
}
