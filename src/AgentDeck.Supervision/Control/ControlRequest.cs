namespace AgentDeck.Supervision.Control;

/// <summary>One request on a run's control socket, one JSON object per line: <c>{"op":"steer","message":"..."}</c>.</summary>
public sealed record ControlRequest(string Op)
{
    public const string Ping = "ping";
    public const string Steer = "steer";
    public const string Interrupt = "interrupt";
    public const string Stop = "stop";

    public string? Message { get; init; }

    /// <summary>For <c>stop</c>: kill the process group at once instead of interrupting first.</summary>
    public bool Force { get; init; }
}
