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
}
