namespace AgentDeck.Discovery.Doctor;

/// <summary>The exit code and output of a probed program.</summary>
public sealed record ProbeOutput(int ExitCode, string StandardOutput, string StandardError);
