namespace AgentDeck.Tui.Control;

/// <summary>
/// Acts on workers (through the worker supervisor; the screen owns none). When <see cref="UnavailableReason"/> is
/// not null the screen shows it instead of offering the actions.
/// </summary>
public interface IWorkerControl
{
    /// <summary>Why control actions cannot be used right now (one line), or null when they can.</summary>
    string? UnavailableReason { get; }

    Task<ControlResult> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken);

    Task<ControlResult> SteerAsync(string runId, string message, CancellationToken cancellationToken);

    Task<ControlResult> InterruptAsync(string runId, CancellationToken cancellationToken);

    Task<ControlResult> StopAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Asks another role (<paramref name="reviewerRole"/>, or the configured default when null) to review the run's result.</summary>
    Task<ControlResult> CrossReviewAsync(string runId, string? reviewerRole, CancellationToken cancellationToken);
}
