namespace AgentDeck.Supervision.Control;

/// <summary>A supervisor's answer: <c>{"ok":true,"status":"running","phase":"tool",...}</c> or <c>{"ok":false,"error":"..."}</c>.</summary>
public sealed record ControlReply(bool Ok)
{
    public string? Error { get; init; }
    public string? Status { get; init; }
    public string? Phase { get; init; }
    public int? Pid { get; init; }
    public int? AgentPid { get; init; }

    /// <summary>Run ping: what the agent reported for the run's finished turns (USD; null when unknown or none yet).</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Run ping: the priced estimate of the turn in flight (zero: none; null: the model has no price).</summary>
    public decimal? InFlightUsd { get; init; }

    /// <summary>Run ping: the run budget this supervisor enforces (null: none).</summary>
    public decimal? RunBudgetUsd { get; init; }

    /// <summary>The host's count of workers it supervises (host ping and start replies).</summary>
    public int? Workers { get; init; }

    public static ControlReply Failure(string error) => new(false) { Error = error };
}
