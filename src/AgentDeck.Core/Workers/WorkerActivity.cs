using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Core.Workers;

/// <summary>
/// A live worker's status and phase, folded from its events: <c>starting</c> until the agent says anything,
/// <c>running</c> with a phase while a turn is under way, <c>waiting</c> while a permission request is pending, and
/// <c>idle</c> once a turn has ended with the session still open. Final statuses come from the process's end, not here.
/// This is the one place phases are derived: the supervisor's answers (<c>status</c>), <c>run</c>'s live view and the
/// screen's panes all read <see cref="PhaseText"/>.
/// </summary>
public sealed class WorkerActivity
{
    private readonly HashSet<string> _openTools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pendingPermissions = new(StringComparer.Ordinal);

    public RunStatus Status { get; private set; } = RunStatus.Starting;

    public WorkerPhase Phase { get; private set; }

    /// <summary>
    /// The phase for people: its name, or for a retry which call failed and how often it was tried
    /// (<c>retrying: API 401, attempt 4 of 10</c>); null when there is none.
    /// </summary>
    public string? PhaseText => Phase == WorkerPhase.Retrying && _retry is { } retry ? RetryText(retry) : Phase.ToName();

    private ApiRetry? _retry;

    /// <summary>How many turns have ended so far.</summary>
    public int TurnsCompleted { get; private set; }

    /// <summary>The last turn's outcome; null before the first turn ends.</summary>
    public TurnCompleted? LastTurn { get; private set; }

    /// <summary>Applies one event; true when <see cref="Status"/> or <see cref="PhaseText"/> changed.</summary>
    public bool Apply(AgentEvent e)
    {
        var (status, phase) = (Status, Phase);
        switch (e)
        {
            case TurnStarted or UserMessage when Status is RunStatus.Starting or RunStatus.Idle:
                StartTurn(WorkerPhase.Thinking);
                break;
            case Thinking:
                Progress(WorkerPhase.Thinking);
                break;
            case ToolCallStarted call:
                _openTools.Add(call.CallId);
                Progress(WorkerPhase.Tool);
                break;
            case ToolCallFinished done:
                _openTools.Remove(done.CallId);
                _pendingPermissions.Clear();
                Progress(_openTools.Count > 0 ? WorkerPhase.Tool : WorkerPhase.Thinking);
                break;
            case AssistantText:
                Progress(WorkerPhase.Responding);
                break;
            case ApiRetry retry:
                _retry = retry;
                Progress(WorkerPhase.Retrying);
                break;
            case PermissionRequested request:
                _pendingPermissions.Add(request.RequestId);
                Status = RunStatus.Waiting;
                break;
            case PermissionDenied:
                _pendingPermissions.Clear();
                Progress(Phase);
                break;
            case TurnCompleted turn:
                TurnsCompleted++;
                LastTurn = turn;
                _openTools.Clear();
                _pendingPermissions.Clear();
                Status = RunStatus.Idle;
                Phase = WorkerPhase.None;
                break;
            case SessionStarted when Status == RunStatus.Starting:
                StartTurn(WorkerPhase.Thinking);
                break;
        }

        return status != Status || phase != Phase || e is ApiRetry;
    }

    private static string RetryText(ApiRetry retry)
    {
        var failure = retry.HttpStatus is { } status ? $"API {status}" : retry.Error is { Length: > 0 } error ? $"API {error}" : "API error";
        var of = retry.MaxRetries is { } max ? $" of {max}" : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"retrying: {failure}, attempt {retry.Attempt}{of}");
    }

    private void StartTurn(WorkerPhase phase)
    {
        Status = RunStatus.Running;
        Phase = phase;
    }

    private void Progress(WorkerPhase phase)
    {
        Phase = phase;
        Status = _pendingPermissions.Count > 0 ? RunStatus.Waiting : RunStatus.Running;
    }
}
