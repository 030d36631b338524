using AgentDeck.Tui.Control;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>A worker control that records each call and reports success.</summary>
public sealed class RecordingControl : IWorkerControl
{
    public List<string> Calls { get; } = [];

    public string? UnavailableReason => null;

    public Task<ControlResult> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken) =>
        Record($"spawn {request.Agent}|{request.Role}|{request.ModelOrProfile}|{request.AllowWrite}|{request.Prompt}");

    public Task<ControlResult> SteerAsync(string runId, string message, CancellationToken cancellationToken) => Record($"steer {runId} {message}");

    public Task<ControlResult> InterruptAsync(string runId, CancellationToken cancellationToken) => Record($"interrupt {runId}");

    public Task<ControlResult> StopAsync(string runId, CancellationToken cancellationToken) => Record($"stop {runId}");

    public Task<ControlResult> CrossReviewAsync(string runId, string? reviewerRole, CancellationToken cancellationToken) => Record($"cross-review {runId}");

    private Task<ControlResult> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(ControlResult.Done("ok: " + call));
    }
}
