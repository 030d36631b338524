namespace AgentDeck.Supervision.Control;

/// <summary>A supervisor's answer: <c>{"ok":true,"status":"running","phase":"tool",...}</c> or <c>{"ok":false,"error":"..."}</c>.</summary>
public sealed record ControlReply(bool Ok)
{
    public string? Error { get; init; }
    public string? Status { get; init; }
    public string? Phase { get; init; }
    public int? Pid { get; init; }
    public int? AgentPid { get; init; }

    /// <summary>The host's count of workers it supervises (host ping and start replies).</summary>
    public int? Workers { get; init; }

    public static ControlReply Failure(string error) => new(false) { Error = error };
}
