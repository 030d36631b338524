namespace AgentDeck.Supervision.Control;

/// <summary>
/// One request on a control socket, one JSON object per line: <c>{"op":"steer","message":"..."}</c> on a run's socket,
/// <c>{"op":"start","run":"...","environment":{...}}</c> on the supervisor host's.
/// </summary>
public sealed record ControlRequest(string Op)
{
    public const string Ping = "ping";
    public const string Steer = "steer";
    public const string Interrupt = "interrupt";
    public const string Stop = "stop";

    /// <summary>Host only: supervise the run named in <see cref="Run"/> (its launch.json exists).</summary>
    public const string Start = "start";

    public string? Message { get; init; }

    /// <summary>For <c>stop</c>: kill the process group at once instead of interrupting first.</summary>
    public bool Force { get; init; }

    /// <summary>For <c>start</c>: the run to supervise.</summary>
    public string? Run { get; init; }

    /// <summary>For <c>start</c>: keep the session open after the turn.</summary>
    public bool KeepOpen { get; init; }

    /// <summary>
    /// For <c>start</c>: the front end's whole environment, which the worker gets (not the host's, which was inherited
    /// from whichever front end started the host).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
