namespace AgentDeck.Core.Runs;

/// <summary>
/// The route a run was launched on: the agent, model and profile routing chose for its role, and why. Recorded on the
/// run so every view shows what a worker actually got, not a plan computed again later.
/// </summary>
public sealed record RunRoute(string Agent, string? Model, string? Profile, string Reason)
{
    /// <summary>"claude/claude-opus-4-5 (deep)", for one-line views.</summary>
    public override string ToString() =>
        $"{Agent}/{Model ?? "default model"}{(Profile is null ? "" : $" ({Profile})")}";
}
