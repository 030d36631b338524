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

    /// <summary>
    /// Host only: supervise the run named in <see cref="Run"/> whose worker the asking front end started already
    /// (no host was serving); its pipes come with the request over the host's adopt socket.
    /// </summary>
    public const string Adopt = "adopt";

    public string? Message { get; init; }

    /// <summary>For <c>steer</c>: which front end sends it (<c>cli</c>, <c>tui</c>, <c>mcp</c>), recorded with the message.</summary>
    public string? From { get; init; }

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

    /// <summary>For <c>adopt</c>: the pid of the worker's waiter (leader of its session and group).</summary>
    public int? Pid { get; init; }

    /// <summary>For <c>adopt</c>: the waiter's start time (see <see cref="ProcessIdentity"/>), so a reused pid is never adopted.</summary>
    public long? StartTicks { get; init; }

    /// <summary>For <c>adopt</c>: the stdin lines the front end wrote already (the driver's first lines).</summary>
    public IReadOnlyList<string>? StdinWritten { get; init; }

    /// <summary>
    /// For <c>adopt</c>: the front end records the worker's first stdout lines itself (looking into the pipe without
    /// consuming it) until it has the host's answer, holding the run's first-lines lock meanwhile: the host reads the
    /// worker's stdout only once that lock is free, and replays the lines the raw log holds by then.
    /// </summary>
    public bool FirstLinesRecorded { get; init; }
}
