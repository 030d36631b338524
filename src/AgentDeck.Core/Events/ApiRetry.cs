namespace AgentDeck.Core.Events;

/// <summary>The agent retries a failed model API call.</summary>
public sealed record ApiRetry(int Attempt, int? MaxRetries, int? HttpStatus, string? Error, int? DelayMs) : AgentEvent
{
    public override string Kind => EventKinds.ApiRetry;
}
