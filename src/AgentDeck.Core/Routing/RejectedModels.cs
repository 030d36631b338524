namespace AgentDeck.Core.Routing;

/// <summary>
/// Models an agent refused (unknown model id, no access). The run engine records them; routing then avoids them.
/// Thread-safe because workers finish on their own threads.
/// </summary>
public sealed class RejectedModels
{
    private readonly Dictionary<(AgentKind Agent, string Model), string> reasons = [];
    private readonly Lock gate = new();

    public void Record(AgentKind agent, string model, string reason)
    {
        lock (gate)
        {
            reasons[(agent, model.Trim().ToLowerInvariant())] = reason;
        }
    }

    public bool IsRejected(AgentKind agent, string model, out string reason)
    {
        lock (gate)
        {
            return reasons.TryGetValue((agent, model.Trim().ToLowerInvariant()), out reason!);
        }
    }
}
