namespace AgentDeck.Core.Workers;

/// <summary>
/// Everything needed to start (or resume) one agent worker. <see cref="Write"/> false means read-only: the agent's own
/// permission mode or sandbox refuses edits. <see cref="Environment"/> and <see cref="ExtraArguments"/> carry a
/// profile's settings for this worker alone (the user's own config files are never rewritten).
/// </summary>
public sealed record WorkerLaunch(
    string RunId,
    AgentKind Agent,
    string Prompt,
    string WorkingDirectory)
{
    public string? Role { get; init; }
    public string? Persona { get; init; }
    public string? Model { get; init; }
    public string? Profile { get; init; }
    public bool Write { get; init; }
    public string? ResumeSessionId { get; init; }
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>
    /// The <see cref="Environment"/> variables whose values are credentials (a profile's tokens): needed to start the
    /// agent, removed from the kept launch once it runs (<see cref="WithoutSecrets"/>).
    /// </summary>
    public IReadOnlyList<string> SecretVariables { get; init; } = [];

    /// <summary>
    /// The launch to run as a child run when this one fails in a way a stronger model may fix (its role's escalation
    /// policy, e.g. fast → deep), planned at spawn time; its <see cref="RunId"/> is empty until the child exists.
    /// Null when the role names no fallback; a fallback never has one of its own (one escalation per chain).
    /// </summary>
    public WorkerLaunch? Fallback { get; init; }

    public bool HasSecretValues =>
        SecretVariables.Any(Environment.ContainsKey) || Fallback is { HasSecretValues: true };

    /// <summary>This launch (and its fallback) with the secret variables' values gone; their names stay listed.</summary>
    public WorkerLaunch WithoutSecrets() => this with
    {
        Environment = Environment.Where(pair => !SecretVariables.Contains(pair.Key, StringComparer.Ordinal)).ToDictionary(),
        Fallback = Fallback?.WithoutSecrets(),
    };
}
