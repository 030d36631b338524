namespace AgentDeck.Tui.Control;

/// <summary>No control channel: every action reports <see cref="UnavailableReason"/> and does nothing.</summary>
public sealed class UnavailableWorkerControl(string reason) : IWorkerControl
{
    public const string NoSupervisor = "no worker supervisor is reachable, so the screen is read-only (start workers with the agentdeck CLI)";

    public string? UnavailableReason { get; } = reason;

    public Task<ControlResult> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken) => Refuse();

    public Task<ControlResult> SteerAsync(string runId, string message, CancellationToken cancellationToken) => Refuse();

    public Task<ControlResult> InterruptAsync(string runId, CancellationToken cancellationToken) => Refuse();

    public Task<ControlResult> StopAsync(string runId, CancellationToken cancellationToken) => Refuse();

    public Task<ControlResult> CrossReviewAsync(string runId, string? reviewerRole, CancellationToken cancellationToken) => Refuse();

    private Task<ControlResult> Refuse() => Task.FromResult(ControlResult.Failed(UnavailableReason!));
}
