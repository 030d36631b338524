namespace AgentDeck.Core.Workers;

/// <summary>
/// How a driver carries out a steering message: write <see cref="StdinLines"/> now (live steering), or, when the
/// running process cannot be steered (Codex <c>exec --json</c>), wait for the turn to end and resume the session
/// with the message (<see cref="ResumeAfterTurn"/>).
/// </summary>
public sealed record SteerPlan(IReadOnlyList<string> StdinLines, bool ResumeAfterTurn)
{
    public static SteerPlan Live(params string[] lines) => new(lines, false);

    public static SteerPlan AfterTurn { get; } = new([], true);
}
